"""The driver's own promises that the tests and tools lean on, in both browsers (harness/driver/)."""

from harness.waiting import wait_for


def test_closing_a_tab_that_is_already_gone_is_no_error(buoy):
    # A help tab can close itself between the moment a tidy-up lists it and the moment it closes it
    # (a CI rerun did this): closing is done when the tab is gone, however it went.
    before = {tab for tab, _ in buoy.tabs()}
    buoy.open("https://discord.com/channels/1")
    tab = wait_for(lambda: next((t for t, _ in buoy.tabs() if t not in before), None), message="the new tab listed")
    buoy.close(tab)
    buoy.close(tab)
    assert tab not in {t for t, _ in buoy.tabs()}
