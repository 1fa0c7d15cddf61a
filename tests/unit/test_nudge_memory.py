"""Conversation memory (issue 15): weak cues of one conversation add up and fade; strong cues
nudge at once; the rules' matches are kept only where the model doesn't find the line harmless.

Driven in Node with an injected clock and a model whose risk is the same for every line, so each
case is about the combination, not about what the model learnt.
"""

import base64
import json
import math

import pytest

from harness.nudge_node import RULES, _node
from harness.paths import ROOT

NUDGER = json.dumps((ROOT / "extension/nudge/nudger.js").as_uri())
MOVES = [m["id"] for m in RULES["languages"]["en"]["moves"]]
RISK = 0.4  # every line's, with the model below


def flat_model(**thresholds) -> dict:
    """A model with zero weights: P(harmless) = 1 - RISK for every line."""
    bias = [math.log((1 - RISK) / RISK * len(MOVES)), *[0.0] * len(MOVES)]
    return {"bits": 2, "classes": ["harmless", *MOVES], "scales": [1.0] * (len(MOVES) + 1), "bias": bias,
            "weights": base64.b64encode(bytes((len(MOVES) + 1) * 2 ** 2)).decode(), **thresholds}


def nudges(steps, **thresholds) -> list:
    """steps: [(seconds since start, conversation, text)] -> the situation each line got."""
    # A weak cue at RISK weighs (0.4 - 0.3) / (0.48 - 0.3) = 0.56: two don't reach 1, three do.
    model = flat_model(**{"min_words": 1, "veto": 0.3, "threshold": 0.48, "weak": 0.3, **thresholds})
    return _node(f"import {{ createNudger }} from {NUDGER};\n"
                 "let clock = 0;\n"
                 "const nudge = createNudger({ nudges: input.nudges, typos: { languages: {} },"
                 " model: { languages: { en: input.model } } }, { now: () => clock });\n"
                 "console.log(JSON.stringify(input.steps.map(([s, c, t]) => { clock = s * 1000;"
                 " return nudge(t, c)?.situation ?? null; })));",
                 {"nudges": RULES, "model": model, "steps": steps})


def test_weak_cues_in_one_conversation_add_up():
    steps = [(0, "a", "how old r u"), (20, "a", "u alone?"), (40, "a", "add me somewhere")]
    assert nudges(steps)[:2] == [None, None]
    assert nudges(steps)[2] is not None


def test_weak_cues_fade_with_time():
    assert nudges([(0, "a", "how old r u"), (600, "a", "u alone?"), (1200, "a", "hi")]) == [None, None, None]


def test_lines_between_cues_fade_them():
    # "ok" is too short for the model: no cue, but a line read in the conversation.
    cue = "hello there you"
    assert nudges([(0, "a", cue), (0, "a", cue), (0, "a", cue)], min_words=3)[2] is not None
    assert nudges([(0, "a", cue), (0, "a", cue), *[(0, "a", "ok")] * 5, (0, "a", cue)], min_words=3)[-1] is None


def test_conversations_do_not_add_to_each_other():
    assert nudges([(0, "a", "how old r u"), (20, "b", "u alone?"), (40, "c", "hi")]) == [None, None, None]


def test_after_a_nudge_the_conversation_starts_afresh():
    got = nudges([(t, "a", "hi") for t in range(0, 120, 20)])
    assert got.count(None) == 4 and got[2] and got[5]


def test_a_rule_match_nudges_at_once_unless_the_model_finds_the_line_harmless():
    line = [(0, "a", "send me a pic of u")]
    assert nudges(line, veto=0.3) == ["wants-pictures"]
    assert nudges(line, veto=0.5) == [None]  # vetoed: only a weak cue now


def test_a_confident_model_nudges_at_once_without_a_rule():
    assert nudges([(0, "a", "hello there")], threshold=0.35) != [None]
    assert nudges([(0, "a", "hello there")], weak=0.5) == [None]


@pytest.mark.parametrize("weight_lines", [1, 2])
def test_one_or_two_weak_cues_never_nudge(weight_lines):
    assert nudges([(20 * i, "a", "hi") for i in range(weight_lines)]) == [None] * weight_lines


def test_without_a_model_the_rules_alone_nudge_at_once():
    got = _node(f"import {{ createNudger }} from {NUDGER};\n"
                "const nudge = createNudger({ nudges: input, typos: { languages: {} } });"
                " console.log(JSON.stringify(['send me a pic of u', 'hi', 'hi', 'hi'].map(t => nudge(t, 'a')?.situation ?? null)));",
                RULES)
    assert got == ["wants-pictures", None, None, None]


def test_short_lines_are_the_rules_alone():
    # A chat app's buttons and one-word replies: the model never judges lines under min_words.
    assert nudges([(0, "a", "hello there")], threshold=0.35, min_words=3) == [None]
    assert nudges([(0, "a", "hello there you")], threshold=0.35, min_words=3) != [None]
    assert nudges([(0, "a", "secret ok")], veto=0.5, min_words=3) == ["scared"]  # a rule still nudges


def test_a_message_read_two_ways_is_one_message():
    # content/nudge-read.js hands over a message as its whole line and its words alone (a name and a
    # time drawn around them): a weak cue counts once, however many readings saw it...
    assert nudges([(0, "a", ["sam hello there you 10:02", "hello there you"])]) == [None]
    assert nudges([(0, "a", ["sam hello there you 10:02", "hello there you"])] * 3)[2] is not None
    # ...and a cue in either reading is the message's.
    assert nudges([(0, "a", ["hello there", "can u send a selfie"])]) == ["wants-pictures"]
