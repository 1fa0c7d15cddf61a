"""Help for the child's own country, chosen with no setup: the browser's time zone, then language."""

import json
import os

import pytest

from tests.conftest import ROOT
from tests.helpers import chromium
from tests.helpers.chromium import extension_url

pytestmark = pytest.mark.chromium
HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())

# (time zone, browser language) -> the country whose help must show.
CASES = [
    ("Europe/London", "en-GB", "GB"),
    ("Europe/Dublin", "en-IE", "IE"),
    ("America/Chicago", "en-US", "US"),
    ("America/Toronto", "en-CA", "CA"),
    ("Australia/Sydney", "en-AU", "AU"),
    ("Pacific/Auckland", "en-NZ", "NZ"),
    ("America/Montreal", "fr-CA", "CA"),  # in French: Jeunesse, J'écoute and its French text word
    ("UTC", "en-AU", "AU"),  # no country in the time zone: the language's region decides
    ("Asia/Tokyo", "ja-JP", "INT"),  # nowhere Buoy has a directory for: the international help
]


# Numbers a child there must see on the "someone is scaring me" screen, written out (issue 20): an
# Irish child gets Childline's phone and text; a New Zealand child a children's line and a youth line
# before 1737, and Netsafe's text line.
SCARED_NUMBERS = {
    "IE": ["Call 1800 66 66 66", "Text 50101"],
    "NZ": ["Call 0800 942 8787", "Call 0800 376 633", "Text 234", "Text Netsafe to 4282", "Call 1737"],
}
FRENCH_TEXT = "Texte TEXTO au 686868"  # Kids Help Phone's French keyword, not the English CONNECT


def helpline(code):
    return next(HELP["services"][s] for s in HELP["countries"][code]["services"]
                if HELP["services"][s]["kind"] in ("helpline", "directory"))


def expected_texts(code, locale="en"):
    service = helpline(code)
    texts = [service["name"].get(locale, service["name"]["en"])]
    texts += [c["number"] for c in service.get("contacts", []) if c["type"] == "phone"][:1]
    emergency = HELP["countries"][code].get("emergency")
    if emergency:
        texts.append(emergency["number"])
    return texts


@pytest.mark.parametrize(("zone", "lang", "code"), CASES, ids=[c[2] + "-" + c[0] for c in CASES])
def test_panel_shows_the_childs_country(dist, server, tmp_path, zone, lang, code):
    # Chromium on Linux takes its UI language from the environment, --lang only from the command line.
    env = {**os.environ, "TZ": zone, "LANGUAGE": lang.replace("-", "_"), "LANG": lang.replace("-", "_") + ".UTF-8"}
    with chromium.launch(tmp_path / "profile", dist / "chromium", server.port, env=env, args=[f"--lang={lang}", f"--accept-lang={lang}"]) as context:
        chromium.service_worker(context)
        page = context.new_page()
        page.goto(extension_url("panel/panel.html"))
        main = page.wait_for_selector("main[data-country]")
        assert main.get_attribute("data-country") == code
        text = page.inner_text("main")
        locale = lang.split("-")[0]
        for expected in expected_texts(code, locale):
            assert expected in text, f"{expected!r} missing for {code}"
        name = HELP["countries"][code]["name"]
        assert name.get(locale, name["en"]) in text
        if code != "GB":
            assert "0800 1111" not in text  # never a UK number a child abroad can't call
        if lang == "fr-CA":
            page.click("button[data-situation='talk']")
            page.wait_for_selector("main[data-situation='talk']")
            cards = page.inner_text(".first-service .card")
            assert FRENCH_TEXT in cards and "CONNECT" not in cards
        if code in SCARED_NUMBERS:
            page.click("button[data-situation='scared']")
            page.wait_for_selector("main[data-situation='scared']")
            cards = page.locator(".card").all_inner_texts()
            shown = "\n".join(cards)
            for words in SCARED_NUMBERS[code]:
                assert words in shown, f"{words!r} missing for {code}"
            # Each number is a real link the phone can dial or text.
            assert page.locator(".card a[href='tel:1800666666'], .card a[href='tel:08009428787']").count() == 1
            if code == "NZ":  # the children's line, then the youth line, and 1737 after them
                order = [c.split("\n")[0] for c in cards]
                assert order.index("0800 What's Up") < order.index("Youthline") < order.index("1737, Need to talk?")
