"""Roblox Sentinel's per-message score and its per-sender aggregation, re-implemented in a few lines.

Sentinel is Roblox's open-source detector of rare harmful chat (Apache-2.0). What is rebuilt here
was read at github.com/Roblox/Sentinel, commit 66c69854e806bd9f5c866379b6c75f3fcb4d2e6c (v2.0,
2026-08-06), in src/sentinel/score_formulae.py (calculate_contrastive_score, skewness, max_score)
and src/sentinel/sentinel_local_index.py (calculate_rare_class_affinity). For one message:
- take the k = 5 examples nearest to it (cosine of unit embeddings), positives and negatives
  together; a side with none among them falls back to its own single nearest example;
- score = log(mean(exp(positive similarities)) / mean(exp(negative similarities))), clipped at 0;
- scores below min_score_to_consider = 0.1 count as 0: a message counts when it reaches 0.1.
A sender's recent messages are then aggregated, by default with skewness, which is 0 below 10
messages; max_score is the simplest of the alternatives Sentinel ships.
Pure Python, so it is tested without numpy or the model.
"""

import math
import statistics
from collections import Counter

TOP_K = 5  # calculate_rare_class_affinity(top_k=5)
MIN_SCORE = 0.1  # calculate_rare_class_affinity(min_score_to_consider=0.1)
SKEWNESS_MIN_MESSAGES = 10  # skewness(min_size_of_scores=10)


def contrastive(positive: list[float], negative: list[float]) -> float:
    """Sentinel's calculate_contrastive_score: how much nearer the positive examples are, 0 if not nearer."""
    if not positive or not negative:
        raise ValueError("needs at least one similarity on each side")
    ratio = statistics.fmean(math.exp(s) for s in positive) / statistics.fmean(math.exp(s) for s in negative)
    return max(0.0, math.log(ratio))


def message_score(positives: list[tuple[float, str]], negatives: list[tuple[float, str]],
                  k: int = TOP_K) -> tuple[float, str]:
    """Score one message from its nearest (similarity, tag) examples on each side, nearest first.

    Returns the score and the tag most common among the positive examples in the k nearest (ties
    go to the nearer; Sentinel has one positive class, this names a move to measure per move).
    """
    nearest = sorted([(s, True, tag) for s, tag in positives[:k]] + [(s, False, tag) for s, tag in negatives[:k]],
                     key=lambda hit: hit[0], reverse=True)[:k]
    positive = [s for s, is_positive, _ in nearest if is_positive] or [positives[0][0]]
    negative = [s for s, is_positive, _ in nearest if not is_positive] or [negatives[0][0]]
    tags = [tag for _, is_positive, tag in nearest if is_positive] or [positives[0][1]]
    return contrastive(positive, negative), Counter(tags).most_common(1)[0][0]


def skewness(scores: list[float], min_messages: int = SKEWNESS_MIN_MESSAGES) -> float:
    """Sentinel's default aggregation: (mean - median) / standard deviation, 0 for fewer than 10 messages."""
    if len(scores) < min_messages:
        return 0.0
    spread = statistics.pstdev(scores)
    return (statistics.fmean(scores) - statistics.median(scores)) / spread if spread else 0.0


def max_score(scores: list[float]) -> float:
    """Sentinel's max_score: the highest positive score, 0 if none."""
    return max((s for s in scores if s > 0), default=0.0)
