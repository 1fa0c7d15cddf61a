"""The store reviewers' notes are true, in both browsers (Chrome Web Store and Edge reviewers use
Chromium, AMO's Firefox): on the test site they name, the console line they give makes Buoy's button
show a nudge (with the fixture chat served as that site)."""

import json

from build.store_listing import load_listing, nudge_snippet, reviewer_notes, sample_line
from harness.nudge_page import NUDGE_TEXT
from harness.paths import ROOT

LISTING = load_listing()


def test_the_reviewers_recipe_shows_a_nudge(buoy):
    sites = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())
    site = next(s for s in sites["sites"] if s["id"] == LISTING["review"]["site"])
    line = sample_line(ROOT, LISTING["review"]["nudge_move"])
    notes = reviewer_notes(ROOT, LISTING, sites, {"package": buoy.name})
    url = f"https://{site['domains'][0]}/"
    assert url in notes and nudge_snippet(line) in notes
    tab = buoy.open(url)
    buoy.wait_for_button(tab)
    buoy.run(tab, nudge_snippet(line))  # in the page's own world, as the console runs it
    assert buoy.wait_for_nudge(tab)["text"] == NUDGE_TEXT["wants-pictures"]
