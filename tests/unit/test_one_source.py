"""Each fact in one place (issue 16), held as Refined GitHub's features.test.ts holds its features:
a fact the code needs is read from where it is written, and a copy of it elsewhere fails here."""

import json
import re

import pytest

from harness.paths import ROOT

EXT = ROOT / "extension"
DATA = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (EXT / "data").glob("*.json")}
LOCALES = {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in (EXT / "_locales").glob("*/messages.json")}
SITUATIONS = {s["id"]: s for s in DATA["situations"]["situations"]}
NUDGE_SITUATIONS = {move["situation"] for rules in DATA["nudges"]["languages"].values() for move in rules["moves"]}


def sources(*globs, root=ROOT):
    return {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for g in globs for p in root.glob(g)}


# Where code lives (not the data, not test scenarios that name the situation they act out).
CODE = sources("extension/**/*.js", "extension/**/*.css", "extension/**/*.html", "build/**/*.py",
               "build/**/*.json", "build/**/*.mjs", "harness/**/*.py", "tools/**/*.py", "tools/**/*.mjs")
# Which move may lead to which situation is the nudges' own rule, written in their schema.
SITUATION_LISTS_ALLOWED = {"build/schemas/nudges.schema.json"}


def test_situation_ids_are_written_only_in_situations_json():
    assert len(SITUATIONS) >= 5
    lists = [path for path, text in CODE.items() if path not in SITUATION_LISTS_ALLOWED
             and sum(f'"{sid}"' in text for sid in SITUATIONS) >= 2]
    assert lists == [], "a list of situation ids outside extension/data/situations.json"


@pytest.mark.parametrize("situation", sorted(NUDGE_SITUATIONS))
def test_every_nudge_situation_has_its_help_icon_and_words(situation):
    assert situation in SITUATIONS, "a nudge leads to a situation the panel doesn't know"
    assert (EXT / "panel" / "icons" / SITUATIONS[situation]["icon"]).is_file()
    key = f"nudge_{situation.replace('-', '_')}"  # content/nudge-watch.js asks for these words
    assert [locale for locale, words in LOCALES.items() if not words.get(key, {}).get("message")] == []
    assert re.search(r"t\(`nudge_\$\{situation\.replaceAll\(\"-\", \"_\"\)\}`\)",
                     (EXT / "content" / "nudge-watch.js").read_text()), "the watcher names its words another way"
