"""Help for the child's own country, chosen with no setup: the browser's time zone, then language."""

import json
import os

import pytest

from harness import chromium
from harness.chromium import extension_url
from harness.paths import ROOT

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
    ("UTC", "en-AU", "AU"),  # no country in the time zone: the language's region decides
    ("Asia/Tokyo", "ja-JP", "INT"),  # nowhere Buoy has a directory for: the international help
]


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


@pytest.mark.parametrize(("zone", "lang", "code"), CASES, ids=[c[2] + "-" + c[0] for c in CASES])
def test_panel_shows_the_childs_country(dist, server, tmp_path, zone, lang, code):
    env = {**os.environ, "TZ": zone}
    with chromium.launch(tmp_path / "profile", dist / "chromium", server.port, env=env, args=[f"--lang={lang}", f"--accept-lang={lang}"]) as context:
        chromium.service_worker(context)
        page = context.new_page()
        page.goto(extension_url("panel/panel.html"))
        main = page.wait_for_selector("main[data-country]")
        assert main.get_attribute("data-country") == code
        text = page.inner_text("main")
        for expected in expected_texts(code):
            assert expected in text, f"{expected!r} missing for {code}"
        assert HELP["countries"][code]["name"]["en"] in text
        if code != "GB":
            assert "0800 1111" not in text  # never a UK number a child abroad can't call
