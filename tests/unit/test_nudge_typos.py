"""Chat nudges tolerate misspellings of their own words (issue 15), never of ordinary words.

The matcher reads a word one slip from a word of nudges.json (extension/nudge/typos.js) as that
word, unless the slip spells a real word listed in data/nudge-typos.json, which
build/nudge_typos.mjs makes from the dictionary scripts/setup.sh installs.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from harness.nudge_node import RULES, _node, match
from harness.paths import ROOT
from tasks import DICTIONARIES

TYPOS = json.loads((ROOT / "extension/data/nudge-typos.json").read_text(encoding="utf-8"))
NOT_TYPOS = TYPOS["languages"]["en"]["not_typos"]

pytestmark = pytest.mark.skipif(not shutil.which("node"), reason="needs node")


TYPOS_JS = json.dumps((ROOT / "extension/nudge/typos.js").as_uri())


def typos_of(words, real, typed) -> dict:
    """{each typed word: the word the finder reads it as, or None}."""
    return _node(f"import {{ typoFinder }} from {TYPOS_JS};\n"
                 "const find = typoFinder(input.words, input.real);\n"
                 "console.log(JSON.stringify(Object.fromEntries(input.typed.map((t) => [t, find(t) ?? null]))));",
                 {"words": words, "real": real, "typed": typed})


def test_each_kind_of_slip_is_read_as_the_word():
    typed = ["sned", "sendd", "selfe", "discrod", "disvord", "adress"]
    assert typos_of(["send", "selfie", "discord", "address"], [], typed) == {
        "sned": "send", "sendd": "send", "selfe": "selfie", "discrod": "discord", "disvord": "discord",
        "adress": "address"}


def test_short_words_real_words_and_ambiguous_slips_are_left_alone():
    got = typos_of(["pics", "send", "sent", "hours", "house"], ["sand"],
                   ["snet", "sedn", "pic", "picss", "sand", "sent", "send", "hosue", "hous"])
    assert got["snet"] == "sent" and got["sedn"] == "send" and got["picss"] == "pics"
    assert got["pic"] is None and got["sand"] is None    # too short to guess; a real word
    assert got["sent"] is None and got["send"] is None   # vocabulary is never rewritten
    assert got["hosue"] == "house" and got["hous"] is None  # hours or house: no guess


# Every string one slip from a word, listed the slow way as typos.js's header describes them: the
# finder's answers are checked against this list, written apart from it.
SLOW_SLIPS = """
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const near = (ch) => {
  const r = ROWS.findIndex((row) => row.includes(ch)), c = ROWS[r].indexOf(ch);
  return [ROWS[r][c - 1], ROWS[r][c + 1], ...[ROWS[r - 1], ROWS[r + 1]].flatMap((o) => o ? [o[c - 1], o[c], o[c + 1]] : [])]
    .filter(Boolean);
};
function slips(word) {
  const out = new Set(), n = word.length;
  if (n < 4 || !/^[a-z]+$/.test(word)) return out;
  for (let i = 0; i + 1 < n; i++) if (word[i] !== word[i + 1]) out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  for (let i = 0; i < n; i++) out.add(word.slice(0, i + 1) + word.slice(i));
  if (n >= 5) for (let i = 0; i < n; i++) {
    out.add(word.slice(0, i) + word.slice(i + 1));
    for (const ch of near(word[i])) out.add(word.slice(0, i) + ch + word.slice(i + 1));
  }
  out.delete(word);
  return out;
}
"""


def test_the_finder_reads_exactly_every_slip_of_every_language():
    # The finder looks slips up through deletions (it used to list them all when the engine
    # loaded); here every slip of every language's words is listed the slow way, and each, every
    # word and every real word must read as that list says.
    match_js = json.dumps((ROOT / "extension/nudge/match.js").as_uri())
    wrong = _node(f"import {{ typoFinder }} from {TYPOS_JS};\n"
                  f"import {{ vocabulary }} from {match_js};\n"
                  + SLOW_SLIPS +
                  "let wrong = 0, probes = 0, slipsFound = 0;\n"
                  "for (const [language, rules] of Object.entries(input.rules.languages)) {\n"
                  "  const words = vocabulary(rules), real = input.typos.languages[language].not_typos;\n"
                  "  const keep = new Set([...words, ...real]), listed = new Map();\n"
                  "  for (const word of words) for (const slip of slips(word)) {\n"
                  "    if (keep.has(slip)) continue;\n"
                  "    const seen = listed.get(slip);\n"
                  "    listed.set(slip, seen === undefined || seen === word ? word : null);\n"
                  "  }\n"
                  "  const find = typoFinder(words, real);\n"
                  "  for (const t of [...listed.keys(), ...keep]) {\n"
                  "    probes++;\n"
                  "    if ((find(t) ?? null) !== (listed.get(t) ?? null)) wrong++;\n"
                  "    if (listed.get(t)) slipsFound++;\n"
                  "  }\n"
                  "}\n"
                  "console.log(JSON.stringify({ wrong, probes, slipsFound }));",
                  {"rules": RULES, "typos": TYPOS})
    assert wrong["wrong"] == 0 and wrong["slipsFound"] > 40_000, wrong


def test_misspelt_cues_are_caught():
    lines = ["sned me a selfe", "add me on discrod", "r u allone", "ur so matuer for ur age"]
    assert match(lines) == ["pictures", "private", "alone", "flattery"]


def test_real_words_near_cues_stay_quiet():
    # "tents" and "cats" are one slip from "rents" (parents) and "chats": without the list of real
    # words the first would ask where the parents are, the second threaten with the child's chats.
    quiet = ["where are your tents", "i have all of your cats lol"]
    assert match(quiet) == [None, None]
    rules = {**RULES["languages"]["en"]}
    assert _node("const m = compile(input); console.log(JSON.stringify(["
                 "'where are your tents', 'i have all of your cats lol'].map(t => m.match(t))));", rules) == [
        "alone", "threat"]  # the same lines, had the matcher no list of real words


@pytest.mark.skipif(not all(Path(p).exists() for p in DICTIONARIES.values()),
                    reason="scripts/setup.sh installs wamerican, wfrench and wspanish")
def test_shipped_list_is_what_the_script_makes(tmp_path):
    for name in ("extension/data/nudges.json",):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, tmp_path / name)
    pairs = [f"{language}={path}" for language, path in DICTIONARIES.items()]
    subprocess.run(["node", str(ROOT / "build/nudge_typos.mjs"), str(tmp_path), *pairs], check=True, capture_output=True)
    made = json.loads((tmp_path / "extension/data/nudge-typos.json").read_text(encoding="utf-8"))
    assert made == TYPOS


def test_no_listed_real_word_is_rewritten():
    words = _node("console.log(JSON.stringify([...compile(input).words]));", RULES["languages"]["en"])
    assert set(typos_of(words, NOT_TYPOS, NOT_TYPOS).values()) == {None}
