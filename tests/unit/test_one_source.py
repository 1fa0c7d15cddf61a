"""Each fact in one place (issue 16), held as Refined GitHub's features.test.ts holds its features:
a fact the code needs is read from where it is written, and a copy of it elsewhere fails here."""

import json
import re

import pytest

from build.button_look import look_file, write_look_files
from build.data_rules.button_look import check as check_look
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
    key = f"nudge_{situation.replace('-', '_')}"  # content/nudge-read.js asks for these words
    assert [locale for locale, words in LOCALES.items() if not words.get(key, {}).get("message")] == []
    assert re.search(r"t\(`nudge_\$\{situation\.replaceAll\(\"-\", \"_\"\)\}`\)",
                     (EXT / "content" / "nudge-read.js").read_text()), "the watcher names its words another way"


LOOK = json.loads((EXT / "data" / "button-look.json").read_text(encoding="utf-8"))


def test_the_button_look_is_one_table(tmp_path):
    # data/button-look.json is the one table: the pages read it through lib/settings.js, and the build
    # writes the button's look files from it. No code holds a size, and the button no corner either.
    assert re.search(r'^import look from "\.\./data/button-look\.js";$', (EXT / "lib" / "settings.js").read_text(), re.M)
    sizes = LOOK["sizes"]
    copies = [path for path, text in CODE.items() if re.search(rf"\b{sizes['normal']}\b[^\n]*\b{sizes['large']}\b", text)]
    assert copies == []
    button = (EXT / "content" / "button.js").read_text()
    assert [c for c in LOOK["corners"] if f'"{c}"' in button] == []
    # Every look a setting can name has its file, which background/button-scripts.js names so.
    assert "`content/look/${settings.corner}-${settings.size}.js`" in (EXT / "background" / "button-scripts.js").read_text()
    written = write_look_files(tmp_path, LOOK)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == sorted(look_file(c, s) for c in LOOK["corners"] for s in sizes)
    assert look_file("top-left", "large") == "content/look/top-left-large.js"  # the name button-scripts.js builds
    for path in written:
        corner, size = path.stem.rsplit("-", 1)
        assert f'globalThis.buoyLook = {{"corner": "{corner}", "size": {sizes[size]}}};' in path.read_text()


def test_the_build_refuses_a_look_a_finger_could_miss_or_a_default_that_is_no_choice():
    assert check_look(LOOK, {}) == []
    small = {**LOOK, "sizes": {**LOOK["sizes"], "normal": 30}}
    assert check_look(small, {}) == ["sizes/normal: 30 px is smaller than a finger's target (44 px)"]
    odd = {**LOOK, "default": {"corner": "middle", "size": "huge"}}
    assert len(check_look(odd, {})) == 2


PALETTE = dict(re.findall(r"(--[\w-]+): (#[0-9a-f]{3,6});", (EXT / "lib" / "palette.css").read_text()))
PAGE_SHEETS = sources("extension/**/*.css")


def test_the_palette_is_one_file_every_page_links():
    assert {"--ink", "--brand", "--danger", "--focus"} <= set(PALETTE)
    for path, text in PAGE_SHEETS.items():
        if path == "extension/lib/palette.css":
            continue
        assert not re.search(r"--[\w-]+:\s*#", text), f"{path} defines its own colours"
        assert [c for c in PALETTE.values() if c in text.lower()] == [], f"{path} copies a palette colour"
    for page in EXT.glob("*/*.html"):
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.read_text())
        assert links and links[0].endswith("lib/palette.css"), page.name


def test_emoji_words_are_each_languages_own_data():
    # The normaliser is language-agnostic: which word an emoji stands for is written beside each
    # language's rules (nudges.json), never in extension/nudge/normalise.js.
    normaliser = (EXT / "nudge" / "normalise.js").read_text(encoding="utf-8")
    assert [c for c in normaliser if 0x1F300 <= ord(c) <= 0x1FAFF] == []
    for language, rules in DATA["nudges"]["languages"].items():
        assert rules.get("emoji"), f"{language} reads no emoji"
