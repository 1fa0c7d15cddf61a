"""Chat nudges (issue 11): the rules are valid, compile in JS, and hold their measured quality.

Floors are what the rules reach on the tuning part and on the sealed part written by other hands
(see tests/nudges/README.md); a change that makes recall or false alarms worse fails here.
Needs python and node only. No timed assertions: the cost per line is reported by eval-nudges.
"""

import copy
import shutil
from functools import partial

import pytest

from build.validate import problems
from harness import nudge_parts
from harness.nudge_node import RULES, _node, match, nudged, pattern_errors
from harness.nudge_parts import sealed_lines_printed
from harness.paths import ROOT
from tools.eval_nudges import PARTS, SEALED, evaluate, format_report
from tools.split_nudge_set import APP_TEXT, NEW_HAND

MOVES = [m["id"] for m in RULES["languages"]["en"]["moves"]]
# Writers who came after the split: all their lines are in the tuning part (tests/nudges/README.md).
TRAINING_ONLY = {"w4", "w5", "w7", "w8", "w9", "w10", "w11", "w12", "w14", "w15", "w17", "w18", "w19", "w20", "w21"}
# The writer of chat apps' own text, split apart: part of it trains, the rest is APP_TEXT.
APP_WRITERS = {"w6"}
# Writers none of whose lines trained anything: all of theirs are in NEW_HAND.
NEW_HANDS = {"w13", "w16"}
# Rounds judged on new writers (tests/nudges/writers/w22-w23-decision.md, w24-w25-decision.md,
# w26-w27-decision.md): their lines wait in tests/nudges/waiting/, read by nothing that trains, and
# the shipped engine's score on each round is held: writers -> (caught, risky, flagged, harmless).
# Counted again after round 14's pictures rules shipped (w22 to w25 had 723, 143 and 656, 103).
WAITING = {("w22", "w23"): (729, 856, 143, 1820), ("w24", "w25"): (658, 814, 104, 1761),
           ("w26", "w27"): (631, 785, 137, 1746)}

# (part, measure) -> floor for recall, ceiling for false alarms, at what the engine reaches today
# (tests/nudges/README.md); a change that makes either part worse fails here. The tuning part's
# figures are near perfect because the learned stage was trained on it: they hold it as it is.
FLOORS = {("tune", "recall"): 6337 / 6522, ("sealed", "recall"): 413 / 453, (NEW_HAND, "recall"): 599 / 705}
CEILINGS = {("tune", "false_alarms"): 14 / 11442, ("sealed", "false_alarms"): 29 / 995, (NEW_HAND, "false_alarms"): 17 / 1443}
# Conversations: a risky one is caught by a nudge at any of its lines; a harmless one with any is flagged.
TALK_FLOORS = {"tune": 233 / 245, "sealed": 30 / 31, NEW_HAND: 39 / 40}
TALK_CEILINGS = {"tune": 72 / 242, "sealed": 13 / 32, NEW_HAND: 7 / 40}
# Each part's lines as chat apps draw them, a name, badge and time around the words
# (build/chat_decor.mjs, formats and a seed the training never used).
DECORATED_FLOORS = {"tune": 5900 / 6522, "sealed": 389 / 453, NEW_HAND: 558 / 705}
DECORATED_CEILINGS = {"tune": 17 / 11442, "sealed": 25 / 995, NEW_HAND: 10 / 1443}
# Chat apps' own text ("This message was deleted", "Missed video call"), sealed: lines flagged.
APP_TEXT_CEILING = 15 / 398

pytestmark = pytest.mark.skipif(not shutil.which("node"), reason="needs node")


def normalised(texts) -> list:
    return _node("console.log(JSON.stringify(input.texts.map(t => normalise(t).join(' '))));", {"texts": texts})


def floor_failures(results) -> list[str]:
    """What falls below its floor, in every part the results hold."""
    failures = []
    for part in set(PARTS) & set(results["parts"]):
        scores = results["parts"][part]
        for (p, measure), floor in FLOORS.items():
            if p == part and scores["overall"][measure] < floor - 1e-9:
                failures.append(f"{part} {measure} {scores['overall'][measure]:.3f} < {floor:.3f}")
        for (p, measure), ceiling in CEILINGS.items():
            if p == part and scores["overall"][measure] > ceiling + 1e-9:
                failures.append(f"{part} {measure} {scores['overall'][measure]:.3f} > {ceiling:.3f}")
        failures += [f"{part} {move}: recall 0" for move, s in scores["moves"].items() if not s["recall"]]
        dressed = scores["decorated"]
        if dressed["recall"] < DECORATED_FLOORS[part] - 1e-9:
            failures.append(f"{part} decorated recall {dressed['recall']:.3f} < {DECORATED_FLOORS[part]:.3f}")
        if dressed["false_alarms"] > DECORATED_CEILINGS[part] + 1e-9:
            failures.append(f"{part} decorated false alarms {dressed['false_alarms']:.3f} > {DECORATED_CEILINGS[part]:.3f}")
        talks = scores["conversations"]
        if talks["recall"] < TALK_FLOORS[part] - 1e-9:
            failures.append(f"{part} conversations caught {talks['recall']:.3f} < {TALK_FLOORS[part]:.3f}")
        if talks["false_alarms"] > TALK_CEILINGS[part] + 1e-9:
            failures.append(f"{part} conversations flagged {talks['false_alarms']:.3f} > {TALK_CEILINGS[part]:.3f}")
    if APP_TEXT in results["parts"]:
        app_text = results["parts"][APP_TEXT]["overall"]["false_alarms"]
        if app_text > APP_TEXT_CEILING + 1e-9:
            failures.append(f"app text flagged {app_text:.3f} > {APP_TEXT_CEILING:.3f}")
    return failures


@pytest.fixture(scope="module")
def results():
    return evaluate(ROOT, timing=False)


def test_rules_match_their_schema():
    assert [p for p in problems(ROOT / "extension/data") if p.startswith("nudges.json")] == []


def test_every_pattern_compiles_in_javascript():
    assert pattern_errors(RULES["languages"]["en"]) == []


_cases = partial(nudge_parts.cases, "en")
_talks = partial(nudge_parts.talks, "en")


def test_independent_set_is_big_enough_and_split_once():
    parts = {part: _cases(part) for part in PARTS}
    new = [c for cases in parts.values() for c in cases if c["set"] != "2026-11"]  # the other hands' lines
    assert len([c for c in new if c["move"]]) >= 600
    assert len([c for c in new if not c["move"]]) >= 1500
    split = {c["set"] for c in new} - TRAINING_ONLY - APP_WRITERS - NEW_HANDS
    assert {c["set"] for c in parts["sealed"]} == split  # every writer of the split in both parts
    assert {c["set"] for c in parts["tune"]} >= TRAINING_ONLY | APP_WRITERS
    assert {c["set"] for c in parts[NEW_HAND]} == NEW_HANDS == {t["set"] for t in _talks(NEW_HAND)}
    assert {c["set"] for c in parts["tune"] + _talks("tune")} & NEW_HANDS == set()  # none of it trains
    for part, cases in parts.items():
        assert {c["move"] for c in cases if c["move"]} == set(MOVES), part
    app_text = _cases(APP_TEXT)
    assert {c["set"] for c in app_text} == APP_WRITERS and len(app_text) >= 300
    assert [c for c in app_text if c["move"]] == []  # the apps' own text is never risky
    tune_texts = {c["text"] for c in parts["tune"]}
    for sealed in (parts["sealed"], parts[NEW_HAND], app_text):  # counts: never print sealed lines
        assert len({c["text"] for c in sealed} & tune_texts) == 0


def test_sealed_lines_are_never_printed(results):
    report = format_report(results)
    talking = [part for part in SEALED if part != APP_TEXT]  # the apps' own text has no conversations
    for part in talking:
        assert results["parts"][part]["misses"] is None
        assert results["parts"][part]["conversations"]["misses"] is None
    assert results["parts"][APP_TEXT]["alarms"] is None
    assert sealed_lines_printed(report, "en", list(SEALED), talking) == 0


def test_quality_holds_its_floors(results):
    assert floor_failures(results) == []


@pytest.mark.parametrize("writers", list(WAITING), ids="-".join)
def test_the_waiting_rounds_hold_their_score(writers):
    # Not sealed parts (the tuner wrote their briefs and has seen their counts), but lines no model
    # read: what the shipped engine does on pictures asked for without the obvious words.
    parts = [f"waiting/{writer}/lines" for writer in writers]  # under tests/nudges/
    assert {c["set"] for part in parts for c in nudge_parts.cases("en", part)} == set(writers)
    assert not {c["set"] for c in nudge_parts.cases("en", "tune")} & set(writers)
    scored = [evaluate(ROOT, timing=False, parts=parts)["parts"][part]["overall"] for part in parts]
    caught, risky, flagged, harmless = (sum(s[key] for s in scored) for key in ("caught", "risky", "flagged", "harmless"))
    held_caught, held_risky, held_flagged, held_harmless = WAITING[writers]
    assert (risky, harmless) == (held_risky, held_harmless)
    assert caught >= held_caught
    assert flagged <= held_flagged


@pytest.mark.parametrize("part", PARTS)
def test_every_move_is_caught_in_both_parts(results, part):
    assert {m: s["recall"] for m, s in results["parts"][part]["moves"].items() if not s["recall"]} == {}


def test_ordinary_chat_that_shares_the_words_stays_quiet():
    quiet = ["send a pic of ur build", "cam on for the stream", "dont tell the other team our strat",
             "im home alone so i can play all day", "ill give u 100 robux for that pet trade",
             "delete that msg its spam"]
    assert dict(zip(quiet, nudged(quiet), strict=True)) == dict.fromkeys(quiet)


def test_a_picture_asked_for_in_a_word_or_two_nudges_but_an_apps_photo_label_does_not():
    # Round 14 (tests/nudges/writers/w26-w27-decision.md): "s3lfie pls" is a request, but WhatsApp
    # Web, Messenger and Telegram draw "📷 Photo" for a friend's photo (a chat list's preview, a
    # reply's quote), and "photo" and "pic" read as one word, so a lone picture word stays quiet.
    asks = ["s3lfie pls", "selfie?", "p1c pls", "mirror pic?", "pics now", "webcam?", "ft?", "vid chat?"]
    labels = ["📷 Photo", "Photo", "📷", "Camera", "🎥 Video", "Video", "GIF", "Sticker", "Photos"]
    assert nudged(asks) == ["pictures"] * len(asks)
    assert dict(zip(labels, nudged(labels), strict=True)) == dict.fromkeys(labels)


DRESSED = {  # as Discord, Twitch, The Lounge and WhatsApp draw a message: the move, or None
    "xX_sam_Xx — Today at 10:02 AM can u send a 📸": "pictures",
    "10:02 Subscriber sam: can u send a 📸": "pictures",
    "kyra2011 Yesterday at 9:41 PM r u home alone rn": "alone",
    "[21:14] <lomi> dont tell ur mum about us ok": "secrecy",
    "Pixel_Xx send me a pic of u 10:02 PM": "pictures",
    "xX_sam_Xx — Today at 10:02 AM send a pic of ur build": None,
    "10:02 Subscriber sam: gg that was a fun round": None,
    "kyra2011 Yesterday at 9:41 PM im home alone so i can play all day": None,
    "[21:14] <lomi> dont tell the other team our strat": None,
}


def test_a_name_badge_and_time_around_the_words_change_nothing():
    assert dict(zip(DRESSED, nudged(list(DRESSED)), strict=True)) == DRESSED


EVASIONS = {  # one risky line per move, then the same line dressed in each evasion
    "pictures": ["send me a pic of u", "s e n d me a p i c of u", "send me a p\u200bic of u", "s\u0435nd me \u0430 pic of u",
                 "s3nd m3 a p1c of u", "sennnd me a piccc of u", "send me a 📸 of u", "send me a picture of yourself",
                 "ｓｅｎｄ ｍｅ ａ ｐｉｃ ｏｆ ｕ"],
    "private": ["add me on snap", "add me on s n a p", "add me on sn\u200dap", "add me on \u0455n\u0430p",
                "add me on 5n4p", "add me on snaaaap", "add me on 👻", "add me on snapchat its more private"],
    "secrecy": ["keep it a secret", "keep it a s e c r e t", "keep it a sec\u2060ret", "keep it \u0430 secr\u0435t",
                "k33p it a s3cr3t", "keep it a secreeeet", "🤫 dont tell anyone", "dont tell ur mum ok"],
    "threat": ["pay me or i share ur pics", "p a y me or i share ur pics", "pay me or i sh\u200bare ur pics",
               "p\u0430y me or i sh\u0430re ur pics", "p4y m3 or i sh4re ur pics", "paaaay me or i share ur pics",
               "💰 or i share ur 📸", "pay me or i share your pictures"],
}


@pytest.mark.parametrize("move", EVASIONS)
def test_each_evasion_is_caught(move):
    assert dict(zip(EVASIONS[move], match(EVASIONS[move]), strict=True)) == dict.fromkeys(EVASIONS[move], move)


def test_normalise_undoes_evasions_but_keeps_numbers():
    got = normalised(["3pm tomorrow 1v1 100 robux $100", "G\u200bG  EZ!!", "привет как дела", "r.o.b.u.x",
                      "l33t h4x0r", "don’t", "@bob hi"])
    assert got == ["3pm tomorrow 1v1 100 robux $100", "gg ez", "привет как дела", "robux", "leet haxor", "dont", "bob hi"]


def test_plain_ascii_lines_take_the_fast_path_to_the_same_words():
    # A zero-width space (stripped as a format character) sends a line down the Unicode path: every
    # plain line of the evaluation sets, and evasions in ASCII, must come out the same both ways.
    texts = [c["text"] for c in _cases("tune")]  # never the sealed part: a failure would print its lines
    plain = [t for t in texts if t.isascii()] + ["DON'T tell", "it`s OK", "l33t $$$ @me", "S N A P", "piccc pls!!"]
    assert len(plain) > 300
    assert normalised(plain) == normalised([t + "\u200b" for t in plain])


def test_spaced_letters_split_on_known_words():
    # "r u u" once became "ruu": runs of known one-letter words stay words.
    assert match(["how old r u u seem older", "a r e u a l o n e", "s n a k e game"]) == ["flattery", "alone", None]


@pytest.mark.parametrize("change", ["drop every pattern", "loosen a pattern", "forget chat spelling"])
def test_a_worse_rule_set_fails_the_floors(change):
    # Dropping one move's patterns no longer fails: the learned stage catches that move's lines too.
    # The sealed part alone shows it, in a tenth of the time of every part.
    worse = copy.deepcopy(RULES)
    en = worse["languages"]["en"]
    if change == "drop every pattern":
        for move in en["moves"]:
            move["patterns"] = ["^never matches this$"]
    elif change == "loosen a pattern":
        en["moves"][MOVES.index("pictures")]["patterns"].append(r"\b(?:picture|camera|video)\b")
    else:
        en["spelling"] = {}
    assert floor_failures(evaluate(ROOT, rules=worse, timing=False, parts=["sealed"])) != []
