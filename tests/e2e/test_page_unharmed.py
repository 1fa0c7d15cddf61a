"""Buoy never breaks the page (issue 5), in both browsers: the fixture chat with Buoy observes the
same layout, styles and globals as the same chat on a host Buoy doesn't run on; no layout shift,
no console errors, no stolen focus, and the page's own shortcut keeps working."""

import pytest

from harness.page_probe import COUNT_BLURS, GLOBAL_NAMES, LAYOUT_AND_STYLES, LAYOUT_SHIFTS
from harness.waiting import wait_for

LISTED = "https://discord.com/channels/1"  # tests/fixtures/chat.html under a listed site's name
UNLISTED = "https://chat.example.org/channels/1"  # the same page where Buoy never runs

# A page whose CSS reaches for everything: none of it may reach Buoy's button.
GREEDY_CSS = """
  * { all: unset !important; }
  *, *::before, *::after, :host, [popover], button, div, iframe { background: #f00 !important; color: #0f0 !important;
    width: 3px !important; height: 3px !important; font-size: 1px !important; border: 9px dotted #0f0 !important;
    display: inline !important; position: static !important; transform: scale(0.1) !important; opacity: 0.2 !important; }
"""


@pytest.fixture
def pages(buoy):
    """The chat without Buoy and with it (its button drawn, its tab in front); each focuses its
    text box as it loads, and counts each time the box loses focus (COUNT_BLURS)."""
    without = buoy.open(UNLISTED, init_script=COUNT_BLURS)
    with_buoy = buoy.open(LISTED, init_script=COUNT_BLURS)
    buoy.show(with_buoy)
    buoy.wait_for_button(with_buoy)
    assert buoy.button_box(without) is None
    return with_buoy, without


def click_the_chat(buoy, tab):
    """A real click on the chat's own header, as a child going back to the chat does."""
    x, y = buoy.run(tab, "(r => [r.x + 5, r.y + 5])(document.querySelector('header').getBoundingClientRect())")
    buoy.click(tab, x, y)


def open_and_close_panel(buoy, tab):
    """Open the panel with a real click on the button, and close it with a click outside it."""
    buoy.open_panel(tab)
    click_the_chat(buoy, tab)
    wait_for(lambda: buoy.panel(tab) is None, message="panel closed")


def test_same_layout_and_styles_as_without_buoy(buoy, pages):
    with_buoy, without = pages
    for tab in pages:  # opening the panel moves focus into it; keep focus out of the comparison
        buoy.run(tab, "document.activeElement.blur()")
    baseline = buoy.call(without, LAYOUT_AND_STYLES)
    assert len(baseline["elements"]) > 10 and buoy.call(with_buoy, LAYOUT_AND_STYLES) == baseline
    buoy.open_panel(with_buoy)
    assert buoy.call(with_buoy, LAYOUT_AND_STYLES) == baseline  # the open panel moves nothing either
    click_the_chat(buoy, with_buoy)
    wait_for(lambda: buoy.panel(with_buoy) is None, message="panel closed")
    for tab in pages:  # the click outside focused nothing, on either page
        buoy.run(tab, "document.activeElement.blur()")
    assert buoy.call(with_buoy, LAYOUT_AND_STYLES) == baseline


@pytest.mark.only("chromium", reason="the Layout Instability API is Chromium's; in Firefox the identical element "
                                     "boxes above stand in for it")
def test_no_layout_shift(buoy, pages):
    with_buoy, without = pages
    open_and_close_panel(buoy, with_buoy)
    assert buoy.call(with_buoy, LAYOUT_SHIFTS) == buoy.call(without, LAYOUT_SHIFTS) == []


def test_buoy_keeps_its_look_under_the_pages_css(buoy, pages):
    with_buoy, _ = pages
    buoy.call(with_buoy, "(css) => document.head.append(Object.assign(document.createElement('style'), {textContent: css}))",
              GREEDY_CSS)
    click_the_chat(buoy, with_buoy)  # the page has changed: Buoy looks again after the child's next press
    # In its own colour, from the screen's pixels, and clear of the page's controls.
    assert wait_for(lambda: buoy.button_drawn_in_corner(with_buoy), message="button drawn under the page's CSS")


def test_nothing_added_to_the_pages_globals(buoy, pages):
    with_buoy, without = pages
    baseline = buoy.call(without, GLOBAL_NAMES)
    assert "shortcutUsed" in baseline and buoy.call(with_buoy, GLOBAL_NAMES) == baseline
    open_and_close_panel(buoy, with_buoy)
    assert buoy.call(with_buoy, GLOBAL_NAMES) == baseline


def test_no_errors_in_the_pages_console(buoy, pages):
    with_buoy, _ = pages
    open_and_close_panel(buoy, with_buoy)
    buoy.press(with_buoy, *"hello", "Enter")
    buoy.run(with_buoy, "addMessage('sam', 'new message')")
    buoy.wait_for_button(with_buoy)
    assert buoy.errors(with_buoy) == []


def test_focus_stays_in_the_pages_text_box(buoy, pages):
    with_buoy, _ = pages
    assert buoy.run(with_buoy, "document.activeElement.id") == "input"
    # The page removes Buoy's host; it comes back, and showing it again must not take focus.
    buoy.run(with_buoy, "document.querySelector('buoy-help').remove()")
    wait_for(lambda: buoy.run(with_buoy, "!!document.querySelector('buoy-help')"), message="button back")
    buoy.wait_for_button(with_buoy)
    buoy.press(with_buoy, *"hi")
    assert buoy.run(with_buoy, "[document.activeElement.id, input.value, __blurs]") == ["input", "hi", 0]


def test_pages_shortcut_works_while_the_panel_is_closed(buoy, pages):
    with_buoy, _ = pages
    for round_ in (1, 2, 3):
        click_the_chat(buoy, with_buoy)
        buoy.press(with_buoy, "/")
        assert buoy.run(with_buoy, "[shortcutUsed, document.activeElement.id]") == [round_, "input"]
        open_and_close_panel(buoy, with_buoy)  # the child uses Buoy, then goes back to the chat
