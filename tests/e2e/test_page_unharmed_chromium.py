"""Buoy never breaks the page (issue 5), in real Chromium: the fixture chat with Buoy observes the
same layout, styles and globals as the same chat on a host Buoy doesn't run on; no layout shift,
no console errors, no stolen focus, and the page's own shortcut keeps working."""

import pytest

from harness.chromium_page import button_box, click_button, panel_open, wait_for_button
from harness.hostile import clip_around, drawn_button, expected_box
from harness.page_probe import COUNT_BLURS, GLOBAL_NAMES, LAYOUT_AND_STYLES, LAYOUT_SHIFTS
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium

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
def pages(browser):
    """The chat with Buoy (its button drawn) and without, side by side in one browser."""
    opened = []
    for url in (LISTED, UNLISTED):
        page = browser.new_page()
        page.errors = []
        page.on("console", lambda m, p=page: m.type == "error" and p.errors.append(m.text))
        page.on("pageerror", lambda e, p=page: p.errors.append(str(e)))
        page.add_init_script(COUNT_BLURS)
        page.goto(url)
        opened.append(page)
    wait_for_button(opened[0])
    assert button_box(opened[1]) is None
    yield opened
    for page in opened:
        page.close()


def click_the_chat(page):
    """A real click on the chat's own header, as a child going back to the chat does."""
    header = page.locator("header").bounding_box()
    page.mouse.click(header["x"] + 5, header["y"] + 5)


def open_and_close_panel(page):
    """Open the panel with a real click on the button, and close it with a click outside it."""
    click_button(page)
    wait_for(lambda: panel_open(page), message="panel open")
    click_the_chat(page)
    wait_for(lambda: not panel_open(page), message="panel closed")


def test_same_layout_and_styles_as_without_buoy(pages):
    with_buoy, without = pages
    for page in pages:  # opening the panel moves focus into it; keep focus out of the comparison
        page.evaluate("document.activeElement.blur()")
    baseline = without.evaluate(LAYOUT_AND_STYLES)
    assert len(baseline["elements"]) > 10 and with_buoy.evaluate(LAYOUT_AND_STYLES) == baseline
    click_button(with_buoy)
    wait_for(lambda: panel_open(with_buoy), message="panel open")
    assert with_buoy.evaluate(LAYOUT_AND_STYLES) == baseline  # the open panel moves nothing either
    click_the_chat(with_buoy)
    wait_for(lambda: not panel_open(with_buoy), message="panel closed")
    for page in pages:  # the click outside focused nothing, on either page
        page.evaluate("document.activeElement.blur()")
    assert with_buoy.evaluate(LAYOUT_AND_STYLES) == baseline


def test_no_layout_shift(pages):
    with_buoy, without = pages
    open_and_close_panel(with_buoy)
    assert with_buoy.evaluate(LAYOUT_SHIFTS) == without.evaluate(LAYOUT_SHIFTS) == []


def test_buoy_keeps_its_look_under_the_pages_css(pages):
    with_buoy, _ = pages
    with_buoy.add_style_tag(content=GREEDY_CSS)
    viewport = with_buoy.viewport_size["width"], with_buoy.viewport_size["height"]
    assert wait_for_button(with_buoy) == expected_box(viewport)
    assert drawn_button(with_buoy.screenshot(clip=clip_around(button_box(with_buoy)), scale="css"))


def test_nothing_added_to_the_pages_globals(pages):
    with_buoy, without = pages
    baseline = without.evaluate(GLOBAL_NAMES)
    assert "shortcutUsed" in baseline and with_buoy.evaluate(GLOBAL_NAMES) == baseline
    open_and_close_panel(with_buoy)
    assert with_buoy.evaluate(GLOBAL_NAMES) == baseline


def test_no_errors_in_the_pages_console(pages):
    with_buoy, _ = pages
    open_and_close_panel(with_buoy)
    with_buoy.keyboard.type("hello")
    with_buoy.keyboard.press("Enter")
    with_buoy.evaluate("addMessage('sam', 'new message')")
    wait_for_button(with_buoy)
    assert with_buoy.errors == []


def test_focus_stays_in_the_pages_text_box(pages):
    with_buoy, _ = pages
    assert with_buoy.evaluate("document.activeElement.id") == "input"
    # The page removes Buoy's host; it comes back, and showing it again must not take focus.
    with_buoy.evaluate("document.querySelector('buoy-help').remove()")
    wait_for(lambda: with_buoy.evaluate("!!document.querySelector('buoy-help')"), message="button back")
    wait_for_button(with_buoy)
    with_buoy.keyboard.type("hi")
    assert with_buoy.evaluate("[document.activeElement.id, input.value, __blurs]") == ["input", "hi", 0]


def test_pages_shortcut_works_while_the_panel_is_closed(pages):
    with_buoy, _ = pages
    for round_ in (1, 2, 3):
        click_the_chat(with_buoy)
        with_buoy.keyboard.press("/")
        assert with_buoy.evaluate("[shortcutUsed, document.activeElement.id]") == [round_, "input"]
        open_and_close_panel(with_buoy)  # the child uses Buoy, then goes back to the chat
