"""The store reviewers' notes are true: on the test site they name, the console line they give makes
Buoy's button show a nudge (in real Chromium, with the fixture chat served as that site)."""

import json

import pytest

from build.store_listing import load_listing, nudge_snippet, reviewer_notes, sample_line
from tests.e2e.buoy_page import wait_for_button
from tests.e2e.conftest import ROOT, wait_for
from tests.e2e.nudge_page import NUDGE_TEXT, nudge

pytestmark = pytest.mark.chromium
LISTING = load_listing()


def test_the_reviewers_recipe_shows_a_nudge(page):
    sites = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())
    site = next(s for s in sites["sites"] if s["id"] == LISTING["review"]["site"])
    line = sample_line(ROOT, LISTING["review"]["nudge_move"])
    notes = reviewer_notes(ROOT, LISTING, sites, {"package": "chromium"})
    url = f"https://{site['domains'][0]}/"
    assert url in notes and nudge_snippet(line) in notes
    page.goto(url)
    wait_for_button(page)
    page.evaluate(nudge_snippet(line))
    shown = wait_for(lambda: nudge(page), message="the reviewers' line shows a nudge")
    assert shown["text"] == NUDGE_TEXT["wants-pictures"]
