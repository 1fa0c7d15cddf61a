"""Help for the child's own country, chosen with no setup, in both browsers: the browser's time zone,
then language."""

import json

import pytest

from harness.browsers import Child
from harness.paths import ROOT

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())

# (time zone, browser language) -> the country whose help must show.
CASES = [
    ("Europe/London", "en-GB", "GB"),
    ("Europe/Dublin", "en-IE", "IE"),
    ("America/Chicago", "en-US", "US"),
    ("America/Toronto", "en-CA", "CA"),
    ("Australia/Sydney", "en-AU", "AU"),
    ("Pacific/Auckland", "en-NZ", "NZ"),
    ("UTC", "en-AU", "AU"),  # no country in the time zone: the language's region decides
    ("Asia/Tokyo", "ja-JP", "INT"),  # nowhere Buoy has a directory for: the international help
]


@pytest.fixture(scope="module", params=CASES, ids=[c[2] + "-" + c[0] for c in CASES])
def child(request):
    """One browser of each kind per case, with that case's time zone and language."""
    zone, lang, _ = request.param
    return Child(zone, lang)


def helpline(code):
    return next(HELP["services"][s] for s in HELP["countries"][code]["services"]
                if HELP["services"][s]["kind"] in ("helpline", "directory"))


def expected_texts(code):
    service = helpline(code)
    texts = [service["name"]["en"]]
    texts += [c["number"] for c in service.get("contacts", []) if c["type"] == "phone"][:1]
    emergency = HELP["countries"][code].get("emergency")
    if emergency:
        texts.append(emergency["number"])
    return texts


def test_panel_shows_the_childs_country(buoy, request):
    code = request.node.callspec.params["child"][2]
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    assert buoy.run(page, "document.querySelector('main').dataset.country") == code
    text = buoy.read(page, "main")
    for expected in expected_texts(code):
        assert expected in text, f"{expected!r} missing for {code}"
    assert HELP["countries"][code]["name"]["en"] in text
    if code != "GB":
        assert "0800 1111" not in text  # never a UK number a child abroad can't call
