"""The panel's tools, in both browsers set up as a New Zealand child's (Pacific/Auckland, en-NZ):
opening hours at a fixed time, the note kept for later, and Read it to me (issue 9; chrome.tts in
Chromium, speechSynthesis in Firefox).

The time is fixed in the panel's own page once it has loaded and before it draws what depends on
the time (a situation's services, the note), so the same step works in both browsers (BiDi's preload
scripts don't run in Firefox's extension pages)."""

import json
from datetime import UTC, datetime

import pytest

from harness.browsers import Child

SUNDAY_10PM_NZ = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)  # Sun 1 Mar 22:00 NZDT
TUESDAY_10AM_NZ = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)  # Tue 3 Mar 10:00 NZDT
WEDNESDAY_2AM_NZ = datetime(2026, 3, 3, 13, 0, tzinfo=UTC)  # Wed 4 Mar 02:00 NZDT
STORAGE = "Promise.all(['local', 'sync', 'session'].map(a => chrome.storage[a].get(null))).then(JSON.stringify)"
NETSAFE = ".card[data-service-id='netsafe']"
PAGE = "https://discord.com/channels/1/2?x=1"


@pytest.fixture(scope="module")
def child():
    return Child("Pacific/Auckland", "en-NZ")


def fix_clock(buoy, target, when):
    """From now on, `new Date()` and `Date.now()` in `target` say `when`."""
    buoy.call(target, """(fixed) => { const Real = Date;
      globalThis.Date = class extends Real {
        constructor(...a) { super(...(a.length ? a : [fixed])); }
        static now() { return fixed; }
      }; }""", when.timestamp() * 1000)


def popup_at(buoy, when, situation="wants-pictures"):
    """The toolbar panel at `when`, on a situation that shows Netsafe."""
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country='NZ']")
    fix_clock(buoy, page, when)
    buoy.choose_situation(page, situation)
    return page


def test_netsafe_closed_on_sunday_night_offers_a_line_open_now(buoy):
    page = popup_at(buoy, SUNDAY_10PM_NZ)
    # Monday 8 in the morning, Auckland time, written the en-NZ way.
    assert buoy.read(page, f"{NETSAFE} [data-contact] .hours.closed") == "Opens Monday at 8 am"
    # The children's line, open until 11 pm on Sundays, comes first among the country's lines.
    assert buoy.read(page, f"{NETSAFE} .open-instead").startswith("They are closed now. This one is open: 0800 What's Up")
    assert buoy.read(page, f"{NETSAFE} .open-instead a[href='tel:08009428787'] .hours.open") == "Open now"


def test_at_2am_the_childrens_line_says_when_it_opens_and_offers_the_youth_line(buoy):
    # 0800 What's Up is not open day and night (issue 20): its hours are shown, and a line open now
    # is offered beside it, never a call that rings out.
    page = popup_at(buoy, WEDNESDAY_2AM_NZ, situation="talk")
    whats_up = ".first-service .card[data-service-id='whats-up']"
    assert buoy.read(page, f"{whats_up} a[href='tel:08009428787'] .hours.closed") == "Opens at 12 pm"
    assert buoy.read(page, f"{whats_up} .open-instead").startswith("They are closed now. This one is open: Youthline")
    assert buoy.read(page, f"{whats_up} .open-instead a[href='tel:0800376633'] .hours.open") == "Open now"


def test_netsafe_open_on_tuesday_morning(buoy):
    page = popup_at(buoy, TUESDAY_10AM_NZ)
    assert buoy.read(page, f"{NETSAFE} a[href='tel:0508638723'] .hours") == "Open now"
    assert buoy.read(page, f"{NETSAFE} .open-instead") is None


def keep_note(buoy):
    """The in-page panel on a chat, a username noted and the note kept; returns (tab, panel, the
    storage before, the note)."""
    tab = buoy.open(PAGE)
    panel = buoy.open_panel(tab)
    before = buoy.extension(STORAGE)
    fix_clock(buoy, panel, TUESDAY_10AM_NZ)
    buoy.choose_situation(panel, "wants-pictures")
    buoy.fill(panel, "#note-username", "sneaky_fox_99")
    buoy.click_in(panel, ".keep-note button")
    buoy.wait_for_selector(panel, ".note-status:not(:empty)")
    return tab, panel, before, buoy.read(panel, ".note-text")


def test_the_note_is_made_with_the_page_from_the_tab_and_nothing_is_stored(buoy):
    _, panel, before, note = keep_note(buoy)
    assert note.splitlines() == [
        "A note from Buoy",
        "Site: discord.com",
        f"Page: {PAGE}",
        buoy.call(panel, """(t) => 'Time: ' + new Intl.DateTimeFormat('en-NZ', {weekday: 'long', day: 'numeric', month: 'long',
            year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short'}).format(new Date(t))""",
                  TUESDAY_10AM_NZ.timestamp() * 1000),
        "Username: sneaky_fox_99",
    ]
    assert "Tuesday" in note and "10:00" in note and "NZDT" in note
    assert buoy.read(panel, ".note-status").startswith("Copied!")
    assert buoy.extension(STORAGE) == before


@pytest.mark.only("chromium", reason="reading the clipboard back needs clipboard-read granted to the page, which "
                                     "Playwright does for Chromium and headless Firefox can't")
def test_the_note_is_on_the_clipboard(buoy):
    # Chromium can't grant to an extension origin; the chat page reads the clipboard back instead.
    buoy.context.grant_permissions(["clipboard-read", "clipboard-write"], origin="https://discord.com")
    tab, _, _, note = keep_note(buoy)
    buoy.show(tab)
    assert buoy.run(tab, "navigator.clipboard.readText()") == note


# The device's own English voices, where the panel looks for them: chrome.tts in Chromium (its `tts`
# permission, checked below), speechSynthesis in Firefox.
LOCAL_VOICES = """globalThis.chrome?.tts?.getVoices
  ? chrome.tts.getVoices().then(v => v.filter(x => x.remote === false && x.lang?.startsWith('en')).length)
  : speechSynthesis.getVoices().filter(v => v.localService === true && v.lang.startsWith('en')).length"""


def test_read_it_to_me_only_with_a_local_voice(buoy):
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    local = buoy.run(page, LOCAL_VOICES)
    if local:
        buoy.wait_for_selector(page, "button.read-aloud:not([hidden])")
        buoy.click_in(page, "button.read-aloud")
        buoy.wait_for_selector(page, "button.read-aloud[data-state='speaking']")
    else:
        # Debian's headless browsers offer no voice (see the report): the button must not be there.
        assert buoy.run(page, "document.querySelectorAll('button.read-aloud').length") == 1
        assert buoy.run(page, "document.querySelector('button.read-aloud').checkVisibility()") is False


def test_tts_permission_only_in_chromium(dist):
    assert "tts" in json.loads((dist / "chromium" / "manifest.json").read_text())["permissions"]
    assert "tts" not in json.loads((dist / "firefox" / "manifest.json").read_text())["permissions"]
