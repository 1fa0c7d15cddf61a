"""Sentinel's per-message score and aggregation as rebuilt in tools/peer_score.py (issue 15).

Pure Python on made-up similarities: runs everywhere, without numpy or the model.
"""

import math

import pytest

from tools.peer_score import MIN_SCORE, contrastive, max_score, message_score, skewness


def test_the_score_is_the_log_ratio_of_mean_exponentiated_similarities():
    assert contrastive([0.9], [0.5]) == pytest.approx(0.4)
    assert contrastive([0.9, 0.7], [0.5, 0.1]) == pytest.approx(
        math.log((math.exp(0.9) + math.exp(0.7)) / (math.exp(0.5) + math.exp(0.1))))


def test_a_message_nearer_the_harmless_examples_scores_zero():
    assert contrastive([0.4], [0.6]) == 0.0
    assert contrastive([0.5], [0.5]) == 0.0


def test_the_score_needs_both_sides():
    with pytest.raises(ValueError):
        contrastive([], [0.5])


def test_only_the_k_nearest_of_both_sides_together_count():
    positives = [(0.9, "gifts"), (0.8, "gifts"), (0.3, "threat")]
    negatives = [(0.85, None), (0.2, None)]
    score, move = message_score(positives, negatives, k=3)  # nearest three: 0.9+, 0.85-, 0.8+
    assert score == pytest.approx(math.log((math.exp(0.9) + math.exp(0.8)) / 2 / math.exp(0.85)))
    assert move == "gifts"


def test_a_side_missing_from_the_nearest_falls_back_to_its_own_nearest():
    positives = [(0.5, "alone"), (0.4, "threat")]
    negatives = [(0.9, None), (0.8, None), (0.7, None)]
    assert message_score(positives, negatives, k=3) == (0.0, "alone")  # 0.5 against 0.9, 0.8, 0.7
    score, _ = message_score([(0.9, "alone"), (0.8, "alone"), (0.7, "alone")], [(0.1, None)], k=3)
    assert score == pytest.approx(math.log((math.exp(0.9) + math.exp(0.8) + math.exp(0.7)) / 3 / math.exp(0.1)))


def test_the_move_is_the_commonest_among_the_nearest_positives_ties_to_the_nearer():
    negatives = [(0.1, None)]
    assert message_score([(0.9, "threat"), (0.8, "gifts"), (0.7, "gifts")], negatives)[1] == "gifts"
    assert message_score([(0.9, "threat"), (0.8, "gifts")], negatives)[1] == "threat"


def test_sentinels_threshold_keeps_a_tenth():
    assert MIN_SCORE == 0.1  # min_score_to_consider in calculate_rare_class_affinity


def test_skewness_needs_ten_messages():
    assert skewness([0.0, 0.0, 0.0, 0.9]) == 0.0
    scores = [0.0] * 9 + [1.0]  # mean 0.1, median 0, standard deviation 0.3
    assert skewness(scores) == pytest.approx(0.1 / 0.3)
    assert skewness([0.2] * 12) == 0.0


def test_max_score_is_the_highest_positive_score():
    assert max_score([0.0, 0.3, 0.2]) == 0.3
    assert max_score([0.0, 0.0]) == 0.0
    assert max_score([]) == 0.0
