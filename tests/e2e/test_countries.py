"""Help for the child's own country, chosen with no setup, in both browsers: the browser's time zone,
then language. The numbers a child there must see are written out (issue 20)."""

import pytest

from harness.browsers import Child
from harness.help_data import HELP, expected_texts

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


FRENCH_UI = pytest.mark.only("chromium", reason="Firefox ESR here has no French language pack: its UI, and so Buoy's words, stays English")
PARAMS = [pytest.param(c, marks=FRENCH_UI) if c[1].startswith("fr") else c for c in CASES]

# Numbers a child there must see on the "someone is scaring me" screen: an Irish child gets
# Childline's phone and text; a New Zealand child a children's line and a youth line before 1737,
# and Netsafe's text line.
SCARED_NUMBERS = {
    "IE": ["Call 1800 66 66 66", "Text 50101"],
    "NZ": ["Call 0800 942 8787", "Call 0800 376 633", "Text 234", "Text Netsafe to 4282", "Call 1737"],
}
FRENCH_TEXT = "Envoie TEXTO au 686868"  # Kids Help Phone's French keyword, not the English CONNECT
CARDS = "[...document.querySelectorAll('.card')].map((c) => c.innerText)"


@pytest.fixture(scope="module", params=PARAMS, ids=[c[2] + "-" + c[0] for c in CASES])
def child(request):
    """One browser of each kind per case, with that case's time zone and language."""
    zone, lang, _ = request.param
    return Child(zone, lang)


def test_panel_shows_the_childs_country(buoy, request):
    _, lang, code = request.node.callspec.params["child"]
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    assert buoy.run(page, "document.querySelector('main').dataset.country") == code
    text = buoy.read(page, "main")
    locale = lang.split("-")[0]
    for expected in expected_texts(code, locale):
        assert expected in text, f"{expected!r} missing for {code}"
    name = HELP["countries"][code]["name"]
    assert name.get(locale, name["en"]) in text
    if code != "GB":
        assert "0800 1111" not in text  # never a UK number a child abroad can't call
    if lang == "fr-CA":
        buoy.choose_situation(page, "talk")
        cards = buoy.read(page, ".first-service .card")
        assert FRENCH_TEXT in cards and "CONNECT" not in cards
    if code in SCARED_NUMBERS:
        buoy.choose_situation(page, "scared")
        cards = buoy.run(page, CARDS)
        shown = "\n".join(cards)
        for words in SCARED_NUMBERS[code]:
            assert words in shown, f"{words!r} missing for {code}"
        # Each number is a real link the phone can dial or text, on its own card (another card may
        # also offer it as the one open now, depending on the clock: .open-instead, not counted).
        assert buoy.run(page, "document.querySelectorAll(\".card a[href='tel:1800666666']:not(.open-instead a), "
                              ".card a[href='tel:08009428787']:not(.open-instead a)\").length") == 1
        if code == "NZ":  # the children's line, then the youth line, and 1737 after them
            order = [c.split("\n")[0] for c in cards]
            assert order.index("0800 What's Up") < order.index("Youthline") < order.index("1737, Need to talk?")
