"""Buoy never breaks the page (issue 5), in real Firefox ESR: the fixture chat with Buoy observes the
same layout, styles and globals as the same chat where Buoy doesn't run, logs no errors, keeps its
text box focused, and its "/" shortcut works with the panel closed. (Firefox has no layout-shift
API; identical element boxes stand in for it.)"""

import pytest

from harness.firefox_page import open_panel, panel_frame
from harness.page_probe import COUNT_BLURS, GLOBAL_NAMES, LAYOUT_AND_STYLES
from harness.waiting import wait_for

pytestmark = pytest.mark.firefox

LISTED = "https://discord.com/channels/1"
UNLISTED = "https://chat.example.org/channels/1"


@pytest.fixture
def pages(firefox):
    """The chat with Buoy and without; each focuses its text box as it loads, as COUNT_BLURS says."""
    firefox.subscribe("log.entryAdded")
    script = firefox.send("script.addPreloadScript", {"functionDeclaration": f"() => {{ {COUNT_BLURS} }}"})["script"]
    tabs = [firefox.new_tab(url) for url in (LISTED, UNLISTED)]
    firefox.errors_from = len(firefox.received("log.entryAdded"))
    yield tabs
    firefox.send("script.removePreloadScript", {"script": script})
    for tab in tabs:
        firefox.close_tab(tab)


def click_the_chat(ff, tab):
    x, y = ff.evaluate(tab, "(r => [r.x + 5, r.y + 5])(document.querySelector('header').getBoundingClientRect())")
    ff.click(tab, x, y)


def test_same_page_with_and_without_buoy_through_a_panel_visit(firefox, pages):
    with_buoy, without = pages
    for tab in pages:
        firefox.evaluate(tab, "document.activeElement.blur()")
    baseline = firefox.call(without, LAYOUT_AND_STYLES)
    names = firefox.call(without, GLOBAL_NAMES)
    assert len(baseline["elements"]) > 10
    assert firefox.call(with_buoy, LAYOUT_AND_STYLES) == baseline and firefox.call(with_buoy, GLOBAL_NAMES) == names
    open_panel(firefox, with_buoy)
    assert firefox.call(with_buoy, LAYOUT_AND_STYLES) == baseline
    click_the_chat(firefox, with_buoy)
    wait_for(lambda: panel_frame(firefox, with_buoy) is None, message="panel closed")
    firefox.evaluate(with_buoy, "document.activeElement.blur()")
    assert firefox.call(with_buoy, LAYOUT_AND_STYLES) == baseline and firefox.call(with_buoy, GLOBAL_NAMES) == names
    errors = [e for e in firefox.received("log.entryAdded")[firefox.errors_from:] if e.get("level") == "error"]
    assert errors == []


def test_focus_kept_and_shortcut_works_with_the_panel_closed(firefox, pages):
    with_buoy, _ = pages
    firefox.send("browsingContext.activate", {"context": with_buoy})  # opening the other tab took focus away
    firefox.evaluate(with_buoy, "input.focus(), __blurs = 0")
    # The page removes Buoy's host; it comes back, and showing it again must not take focus.
    firefox.evaluate(with_buoy, "document.querySelector('buoy-help').remove()")
    wait_for(lambda: firefox.evaluate(with_buoy, "!!document.querySelector('buoy-help')"), message="button back")
    firefox.press(with_buoy, *"hi")
    assert firefox.evaluate(with_buoy, "[document.activeElement.id, input.value, __blurs]") == ["input", "hi", 0]
    for round_ in (1, 2):
        click_the_chat(firefox, with_buoy)
        firefox.press(with_buoy, "/")
        assert firefox.evaluate(with_buoy, "[shortcutUsed, document.activeElement.id]") == [round_, "input"]
        open_panel(firefox, with_buoy)
        click_the_chat(firefox, with_buoy)
        wait_for(lambda: panel_frame(firefox, with_buoy) is None, message="panel closed")
