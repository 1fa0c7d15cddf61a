"""Chat nudges in French and Spanish (issue 17): rules and each language's learned stage, measured on
sets written by other hands.

Floors are what the engine reaches on each language's tuning part, its sealed part and its new hand
(tests/nudges/README.md); a change that makes any part worse fails here. The sealed lines are
never printed, not even by a failing test. Needs python and node only.
"""

import copy

import pytest

from harness.nudge_node import RULES, nudged, pattern_errors
from harness.nudge_parts import cases as _cases
from harness.nudge_parts import sealed_lines_printed
from harness.nudge_parts import talks as _talks
from harness.paths import ROOT
from tools.eval_nudges import evaluate, format_report
from tools.split_nudge_set import NEW_HAND

LANGUAGES = ("fr", "es")
PARTS = ("tune", "sealed", NEW_HAND)  # split once, like English's first writers; then a new hand, all sealed
# Writers who came after the split (the ninth and eleventh rounds): all of their lines train, none is sealed.
TRAINING_ONLY = {"fr": {"fr2", "fr3", "fr4", "fr7", "fr8"}, "es": {"es2", "es3", "es4", "es7", "es8"}}
# Writers none of whose lines trained anything (the tenth round): all of theirs are in NEW_HAND.
NEW_HANDS = {"fr": {"fr5", "fr6"}, "es": {"es5", "es6"}}

# (language, part) -> floor for recall, ceiling for false alarms, at what the engine reaches today
# (tests/nudges/README.md). Each language has its own learned stage since the ninth round, trained on
# its tuning part (about 5,800 lines by six writers since the eleventh), so the tuning figures are
# near perfect; the sealed part is the first writer's, the new hand two writers' whose lines trained
# nothing. Every language's rules and learned stage may read a line (all of them, unless it holds only
# another language's common words), so a change to any of them can move these figures.
RECALL_FLOORS = {("fr", "tune"): 1709 / 1711, ("fr", "sealed"): 157 / 176, ("fr", NEW_HAND): 490 / 594,
                 ("es", "tune"): 1690 / 1695, ("es", "sealed"): 192 / 208, ("es", NEW_HAND): 537 / 615}
ALARM_CEILINGS = {("fr", "tune"): 4 / 4090, ("fr", "sealed"): 19 / 400, ("fr", NEW_HAND): 35 / 1266,
                  ("es", "tune"): 6 / 4277, ("es", "sealed"): 10 / 437, ("es", NEW_HAND): 34 / 1271}
# Conversations: a risky one is caught by a nudge at any of its lines; a harmless one with any is flagged.
TALK_FLOORS = {("fr", "tune"): 77 / 80, ("fr", "sealed"): 10 / 10, ("fr", NEW_HAND): 29 / 30,
               ("es", "tune"): 80 / 80, ("es", "sealed"): 10 / 10, ("es", NEW_HAND): 28 / 30}
TALK_CEILINGS = {("fr", "tune"): 33 / 80, ("fr", "sealed"): 5 / 10, ("fr", NEW_HAND): 13 / 30,
                 ("es", "tune"): 41 / 80, ("es", "sealed"): 3 / 10, ("es", NEW_HAND): 15 / 30}


def floor_failures(language: str, results: dict) -> list[str]:
    failures = []
    for part, scores in results["parts"].items():
        overall, talks = scores["overall"], scores["conversations"]
        if overall["recall"] < RECALL_FLOORS[language, part] - 1e-9:
            failures.append(f"{language} {part} recall {overall['recall']:.3f} < {RECALL_FLOORS[language, part]:.3f}")
        if overall["false_alarms"] > ALARM_CEILINGS[language, part] + 1e-9:
            failures.append(f"{language} {part} false alarms {overall['false_alarms']:.3f} > {ALARM_CEILINGS[language, part]:.3f}")
        failures += [f"{language} {part} {move}: recall 0" for move, s in scores["moves"].items() if not s["recall"]]
        if talks["recall"] < TALK_FLOORS[language, part] - 1e-9:
            failures.append(f"{language} {part} conversations caught {talks['recall']:.3f}")
        if talks["false_alarms"] > TALK_CEILINGS[language, part] + 1e-9:
            failures.append(f"{language} {part} conversations flagged {talks['false_alarms']:.3f}")
    return failures


@pytest.fixture(scope="module")
def results():
    return {language: evaluate(ROOT, language=language, timing=False) for language in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_same_moves_lead_to_the_same_situations_as_english(language):
    english = {m["id"]: m["situation"] for m in RULES["languages"]["en"]["moves"]}
    assert [(m["id"], m["situation"]) for m in RULES["languages"][language]["moves"]] == list(english.items())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_pattern_compiles_in_javascript(language):
    assert pattern_errors(RULES["languages"][language]) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_sets_are_split_once_and_hold_every_move(language):
    parts = {part: _cases(language, part) for part in PARTS}
    moves = {m["id"] for m in RULES["languages"][language]["moves"]}
    for part, cases in parts.items():
        assert {c["move"] for c in cases if c["move"]} == moves, part
    tuning = {c["text"] for c in parts["tune"]}
    for sealed in ("sealed", NEW_HAND):
        assert len({c["text"] for c in parts[sealed]} & tuning) == 0, sealed  # a count only
    assert {c["set"] for c in parts["tune"]} >= TRAINING_ONLY[language]
    assert {c["set"] for c in parts["sealed"]} & TRAINING_ONLY[language] == set()
    talks = _talks(language, NEW_HAND)
    assert {c["set"] for c in parts[NEW_HAND]} == NEW_HANDS[language] == {t["set"] for t in talks}
    assert {c["set"] for c in parts["tune"] + _talks(language, "tune")} & NEW_HANDS[language] == set()  # none of it trains
    assert len([c for c in parts[NEW_HAND] if c["move"]]) >= 500 and len(talks) >= 50


@pytest.mark.parametrize("language", LANGUAGES)
def test_sealed_lines_are_never_printed(results, language):
    report = format_report(results[language])
    for part in ("sealed", NEW_HAND):
        assert results[language]["parts"][part]["misses"] is None
        assert results[language]["parts"][part]["conversations"]["alarms"] is None
    assert sealed_lines_printed(report, language, ["sealed", NEW_HAND], ["sealed", NEW_HAND]) == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_quality_holds_its_floors(results, language):
    assert floor_failures(language, results[language]) == []


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("change", ["drop every pattern", "forget chat spelling"])
def test_a_worse_rule_set_fails_the_floors(language, change):
    worse = copy.deepcopy(RULES)
    rules = worse["languages"][language]
    if change == "drop every pattern":
        for move in rules["moves"]:
            move["patterns"] = ["^never matches this$"]
    else:
        rules["spelling"] = {}
    # The sealed part alone shows it, in a fraction of the time of every part.
    assert floor_failures(language, evaluate(ROOT, rules=worse, language=language, timing=False, parts=["sealed"])) != []


# Chat spelling, accents, leet and spaced letters, each in a line the whole engine must read.
READ = {
    "fr": {"slt tkt personne doit savoir qu'on se parle": "secrecy", "jsp pk mais t'es trop mature pour ton âge": "flattery",
           "c koi ton num": "private", "g ta vidéo, t'as 1h pour payer": "threat", "T'ES SEULE À LA MAISON ?": "alone",
           "jte donne 800 r0bux": "gifts", "envoie une ph0to de toi stp": "pictures", "t'es mon âme sœur": "flattery"},
    "es": {"q no se entere nadie xq es nuestro secreto": "secrecy", "eres muy madura pa tu edad tb": "flattery",
           "k, pasame tu wasap": "private", "tienes 1 h para pag4r": "threat", "¿e s t á s  s o l a?": "alone",
           "te regalo 800 robux si me agregas": "gifts", "pon la cám ara q t quiero ver": "pictures"},
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_chat_spelling_and_accents_are_read(language):
    lines = list(READ[language])
    assert dict(zip(lines, nudged(lines), strict=True)) == READ[language]


def test_ordinary_french_and_spanish_chat_stays_quiet():
    quiet = ["tu viens jouer ce soir ?", "ma mère dit que t'es bien élevé", "on fait un appel vidéo avec tout le groupe",
             "¿jugamos al Roblox después de hacer los deberes?", "no le digas a nadie lo de la fiesta sorpresa",
             "Enciende la cámara que la profe está pasando lista"]
    assert dict(zip(quiet, nudged(quiet), strict=True)) == dict.fromkeys(quiet)
