"""A child in Europe or beyond, with a browser in their own language, gets their own country's help in
that language with no setup (issue 17): the time zone picks the country (the language where
countries share one), the browser's language picks Buoy's words, and what to do in each situation is
in those words too. Where no child line is confirmed yet the child gets the international card with
the local emergency number, never another country's."""

import json

import pytest

from harness.browsers import Child
from harness.help_data import HELP, expected_texts
from harness.paths import ROOT

# (time zone, browser language, country whose help must show, _locales folder of Buoy's words)
CASES = [
    ("Europe/Berlin", "de-DE", "DE", "de"),
    ("Europe/Vienna", "de-AT", "AT", "de"),
    ("Europe/Zurich", "de-CH", "CH", "de"),
    ("Europe/Madrid", "es-ES", "ES", "es"),
    ("Europe/Warsaw", "pl-PL", "PL", "pl"),
    ("Europe/Berlin", "sv-SE", "SE", "en"),  # Berlin's zone is Stockholm's too: the language settles it
    ("Africa/Johannesburg", "en-ZA", "ZA", "en"),
    ("Europe/Prague", "cs-CZ", "CZ", "en"),  # no Czech words in Buoy yet: English, the line's Czech name
    ("Europe/Rome", "it-IT", "INT", "it"),  # child line not confirmed: international help and 112
    ("Europe/Amsterdam", "nl-NL", "INT", "nl"),
    ("Europe/Lisbon", "pt-PT", "INT", "pt_BR"),  # Portugal's Portuguese reads Brazil's words, not English
]
SITUATIONS = json.loads((ROOT / "extension" / "data" / "situations.json").read_text(encoding="utf-8"))["situations"]
LOCAL_EMERGENCY = {"Europe/Rome": "112", "Europe/Amsterdam": "112", "Europe/Lisbon": "112"}
OTHER_WORDS = pytest.mark.only("chromium", reason="Firefox ESR here has only its English language pack: its UI, and so Buoy's words, stays English")
PARAMS = [pytest.param(c, marks=OTHER_WORDS) if c[3] != "en" else c for c in CASES]


def words(folder):
    return json.loads((ROOT / "extension" / "_locales" / folder / "messages.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=PARAMS, ids=[f"{c[2]}-{c[1]}" for c in CASES])
def child(request):
    zone, lang, _, _ = request.param
    return Child(zone, lang)


def test_help_for_the_childs_country_in_their_language(buoy, request):
    zone, lang, code, folder = request.node.callspec.params["child"]
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    assert buoy.run(page, "document.querySelector('main').dataset.country") == code
    text = buoy.read(page, "main")
    assert words(folder)["quickExit"]["message"] in text  # Buoy's own words, in the child's language
    if folder != "en":
        assert words("en")["quickExit"]["message"] not in text
    # Service names in the browser's language where the data has it (Czech in Czechia, though Buoy's
    # own words are English there), else English. Firefox here speaks only English.
    language = buoy.run(page, "chrome.i18n.getUILanguage()").split("-")[0]
    assert language in (lang.split("-")[0], "en")
    if code == "INT":
        assert LOCAL_EMERGENCY[zone] in text
        assert "911" not in text and "0800 1111" not in text  # never a number from another country
        return
    for expected in expected_texts(code, language):
        assert expected in text, f"{expected!r} missing for {code}"
    assert "0800 1111" not in text


def test_the_situations_their_steps_and_the_services_are_in_the_childs_language(buoy, request):
    _, browser_lang, code, folder = request.node.callspec.params["child"]
    lang = folder.split("_")[0]  # the data's texts are keyed by language alone (pt_BR reads "pt")
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    labels = buoy.call(page, "(s) => [...document.querySelectorAll(s)].map((e) => e.innerText)", "button[data-situation]")
    assert labels == [s["label"][lang] for s in SITUATIONS]
    buoy.choose_situation(page, "picture-shared")
    shown = buoy.run(page, "[...document.querySelectorAll('.steps li')].map((li) => li.innerText)")
    steps = next(s for s in SITUATIONS if s["id"] == "picture-shared")["steps"]
    assert shown == [step["text"][lang] for step in steps.get(code, steps["default"])]
    # The service's description in the browser's language where the data has it (Swedish in Sweden,
    # though Buoy's own words are English there), else English. Firefox here speaks only English.
    ui = buoy.run(page, "chrome.i18n.getUILanguage()").split("-")[0]
    assert ui in (browser_lang.split("-")[0], "en")
    first = buoy.run(page, "document.querySelector('.first-service .card').dataset.serviceId")
    description = HELP["services"][first]["description"]
    assert description.get(ui, description["en"]) in buoy.read(page, ".first-service .card")
