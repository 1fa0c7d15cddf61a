"""The nudges measured in the page (issue 15): the sealed lines drawn by each chat-app fixture's markup
and read by the watcher's own reading in Chromium (tools/eval_nudges_page.py), held at what they
reach today. Reading that glued a name or a time onto the words, or lost a message, fails here.
Counts only: no sealed line is ever printed. The reading in Firefox is test_nudges.py's, per app."""

import pytest

from tools.eval_nudges_page import APPS, evaluate
from tools.split_nudge_set import APP_TEXT

pytestmark = pytest.mark.chromium

# app -> (sealed risky lines caught of 453, sealed harmless flagged of 995, apps' own text flagged of 398).
# Discord and Twitch keep the name apart (a button, or its own element with the time), so they read
# as the engine's bare lines do. The others draw name, words and time as one line, which is judged
# with its words alone beside it (content/nudge-read.js): a few more caught than bare lines (short
# lines the name lengthens past the model's fewest words), and up to six more flagged. Telegram's chat
# list adds one of each. In 3,000 tuning lines it changed one: a message shorter than its sender's
# name, whose bubble's "words alone" reading is the name, so the preview's copy of the words was
# judged as well.
FLOORS = {
    "discord": (413, 29, 15), "twitch": (413, 29, 15),
    "instagram": (423, 35, 21), "roblox": (423, 35, 21), "telegram": (424, 36, 21), "whatsapp": (423, 35, 21),
}


@pytest.fixture(scope="module")
def results(dist, browsers):
    # It starts a Chromium of its own, without Buoy: Playwright's sync API drives one client at a
    # time, so the browsers kept open for other modules close first.
    browsers.close()
    return evaluate(dist=dist / "chromium")


def test_every_fixture_is_measured(results):
    assert set(results) == set(APPS) == set(FLOORS)
    assert all(r["sealed"]["risky"] == 453 and r["sealed"]["harmless"] == 995 and r[APP_TEXT]["harmless"] == 398
               for r in results.values())


@pytest.mark.parametrize("app", sorted(FLOORS))
def test_the_page_reads_as_well_as_it_did(results, app):
    caught, flagged, app_text = FLOORS[app]
    sealed = results[app]["sealed"]
    assert (sealed["caught"] >= caught, sealed["flagged"] <= flagged, results[app][APP_TEXT]["flagged"] <= app_text) == (True, True, True)
    assert sealed["misses"] is None and sealed["alarms"] is None
