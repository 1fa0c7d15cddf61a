"""Every word reaches the child (issue 20): _locales is the one place words are written, the build
copies them into lib/messages.js and content/locale/*.js (build/messages.py), every key the code asks
for is in every locale, and no locale keeps keys nothing asks for."""

import json
import re

import pytest

from build.messages import CONTENT_WORDS, read_locales, resolve
from harness.paths import ROOT

EXT = ROOT / "extension"
LOCALES = {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((EXT / "_locales").glob("*/messages.json"))}
DEFAULT = json.loads((EXT / "manifest.json").read_text())["default_locale"]
# Keys deliberately said in English in every locale (t() falls back to English): none today.
ENGLISH_ONLY: set[str] = set()
CODE = {p: p.read_text() for p in EXT.rglob("*") if p.suffix in (".js", ".html") and "_locales" not in p.parts}
ASKED = re.compile(r"\b(?:t|text|getMessage)\(\s*\"(\w+)\"|data-i18n=\"(\w+)\"")
FAMILY = re.compile(r"\b(?:t|getMessage)\(\s*`(\w+)\$\{")


def asked_for():
    """Keys the code names where it asks for words, and the manifest's __MSG_ names."""
    keys = {a or b for source in CODE.values() for a, b in ASKED.findall(source)}
    return keys | set(re.findall(r"__MSG_(\w+)__", (EXT / "manifest.json").read_text()))


def _data(name):
    return json.loads((EXT / "data" / f"{name}.json").read_text(encoding="utf-8"))



def made_from_data():
    """Keys the code builds from a value (t(`category_${c}`)): one for each value there can be."""
    moves = [m for lang in _data("nudges")["languages"].values() for m in lang["moves"]]
    return ({f"nudge_{m['situation'].replace('-', '_')}" for m in moves}
            | {f"category_{s['category']}" for s in _data("sites")["sites"]}
            | {f"corner_{c.replace('-', '_')}" for c in _data("button-look")["corners"]}
            | {f"size_{s}" for s in _data("button-look")["sizes"]})


def test_the_code_asks_for_words_this_test_can_see():
    assert {"reassurance", "quickExit", "callHelpline", "buttonLabel", "optionsTitle", "extensionName"} <= asked_for()
    families = {f for source in CODE.values() for f in FAMILY.findall(source)}
    assert families == {"nudge_", "category_", "corner_", "size_"}, "a new family of keys: name its values in made_from_data()"
    assert {k.split("_")[0] + "_" for k in made_from_data()} == families


def test_every_ui_language_is_here():
    # Chrome's folder names (issue 17): Portuguese is Brazil's, the one most children speak.
    assert set(LOCALES) == {"en", "fr", "de", "es", "it", "nl", "pl", "pt_BR"}


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_every_key_the_code_asks_for_is_in_every_locale(locale):
    wanted = asked_for() | made_from_data()
    if locale != DEFAULT:
        wanted -= ENGLISH_ONLY
    assert sorted(wanted - set(LOCALES[locale])) == []


def test_every_locale_has_the_same_keys_with_the_same_substitutions():
    def substitutions(entries):
        return {key: sorted(set(re.findall(r"\$[1-9]", resolve(key, entry)))) for key, entry in entries.items()}

    english = substitutions(LOCALES[DEFAULT])
    for locale, entries in LOCALES.items():
        assert sorted(set(english) - set(entries) - ENGLISH_ONLY) == [], locale
        assert sorted(set(entries) - set(english)) == [], locale
        mismatched = {k: v for k, v in substitutions(entries).items() if v != english[k]}
        assert mismatched == {}, locale


def test_no_locale_keeps_words_nothing_asks_for():
    # A key the code keeps in a table (services.js: kind -> key) is named as a string there.
    named = {s for source in CODE.values() for s in re.findall(r"\"(\w+)\"", source)}
    unused = set(LOCALES[DEFAULT]) - asked_for() - made_from_data() - named
    assert sorted(unused) == []


def test_placeholders_resolve_as_the_browsers_resolve_them():
    entry = {"message": "Text $Message$ to $NUMBER$, $$1", "placeholders": {"MESSAGE": {"content": "$1"}, "number": {"content": "$2"}}}
    assert resolve("k", entry) == "Text $1 to $2, $$1"
    with pytest.raises(ValueError, match=r"k: no placeholder \$NAME\$"):
        resolve("k", {"message": "Hi $NAME$"})


def _built_object(path, prefix):
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(rf"^{re.escape(prefix)}(.*);$", text, re.M).group(1))


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_the_built_words_are_the_words_in_locales(dist, browser):
    catalogue = read_locales(EXT / "_locales")
    assert catalogue[DEFAULT]["callHelpline"] == "Call $1: $2"
    assert _built_object(dist / browser / "lib" / "messages.js", "export default ") == catalogue
    for locale, messages in catalogue.items():
        for suffix, (name, wanted) in CONTENT_WORDS.items():
            built = _built_object(dist / browser / "content" / "locale" / f"{locale}{suffix}.js", f"globalThis.{name} = ")
            assert built == {k: v for k, v in messages.items() if wanted(k)}
            assert built, f"{locale}{suffix}: no words"
        # The button's words say their folder: content/nudge-read.js imports the nudges' from it.
        assert _built_object(dist / browser / "content" / "locale" / f"{locale}.js", "globalThis.buoyLocale = ") == locale


def test_content_scripts_get_the_words_they_ask_for_and_no_more():
    button = set(ASKED.findall(CODE[EXT / "content" / "button.js"] + CODE[EXT / "content" / "button-press.js"]))
    assert {a for a, _ in button} == {k for k in LOCALES[DEFAULT] if CONTENT_WORDS[""][1](k)}
    nudges = {k for k in LOCALES[DEFAULT] if CONTENT_WORDS["-nudges"][1](k)}
    assert {k for k in made_from_data() if k.startswith("nudge_")} | {"nudgeHelp", "nudgeDismiss"} == nudges
