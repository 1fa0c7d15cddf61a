"""Every word reaches the child in Firefox ESR (issue 20): the first panel opened after each browser
start shows words on every screen, never a message key. Debian's firefox-esr has no French language
pack (and none can be fetched offline), so its UI, and Buoy's locale, is always English here; the
French words are walked in Chromium (test_panel_words_chromium.py)."""

import pytest

from tests.e2e.buoy_firefox import open_panel
from tests.e2e.conftest import child_firefox
from tests.e2e.panel_words import WALK, problems

pytestmark = pytest.mark.firefox

# Each start is a new Firefox with Buoy just installed (a temporary add-on lasts one run), as a
# child in (zone, country). Four, not five: a Firefox start costs about twice a Chromium one.
STARTS = [
    ("Europe/London", "GB"),
    ("America/Chicago", "US"),
    ("America/Toronto", "CA"),
    ("Australia/Sydney", "AU"),
]


def test_the_first_panel_after_each_start_shows_words_not_keys(dist, server):
    found = {}
    for zone, code in STARTS:
        with child_firefox(dist / "firefox", server.port, zone=zone) as ff:
            tab = ff.new_tab()
            ff.navigate(tab, "https://discord.com/channels/1")
            panel = open_panel(ff, tab)
            assert ff.evaluate(panel, "document.querySelector('main').dataset.country") == code
            found[zone] = problems(ff.call(panel, WALK), code, "en")
    assert found == {zone: {} for zone, _ in STARTS}
