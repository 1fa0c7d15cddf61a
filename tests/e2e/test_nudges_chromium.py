"""Gentle nudges in real Chromium (issue 11), on the fixture chat: a risky line from someone else
shows the prompt and its Get help opens that situation's help; harmless lines, the child's own
typing and the child's own sent line don't; a dismissal holds for the conversation; turning nudges
off in the options takes the watcher out of open tabs without a reload.

No waiting for something not to happen: each "doesn't" is proven by order. The watcher reads lines
in the order they arrive and nudges at most once, so when a harmless (or ignored) line of one kind
comes before a risky line of another kind, the prompt's words show which line it was for."""

import pytest

from harness.chromium_page import panel_frame, wait_for_button, wait_for_panel
from harness.nudge_page import NUDGE_TEXT, click, nudge, wait_for_nudge, watching
from harness.settings_pages import open_options, reset, stored
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium

THREAT = "i have ur pics, pay me or i share them with everyone"  # -> picture-shared
ASKS = "can u send a selfie"  # -> wants-pictures
SECRET = "dont tell ur parents about me ok"  # -> scared
HARMLESS_PICTURES = "send a pic of ur build"  # shares the words of "wants-pictures", must stay quiet


def say(page, who, text):
    page.evaluate("([who, text]) => addMessage(who, text)", [who, text])


def open_chat(page, path):
    page.goto(f"https://discord.com/channels/{path}")
    wait_for_button(page)
    wait_for(lambda: watching(page), message="nudge watcher running")


def test_risky_line_shows_the_prompt_and_get_help_opens_that_help(page):
    open_chat(page, "nudge-help")
    page.click("#input")
    page.keyboard.type(SECRET)  # typed, not sent: an <input>'s text is never read
    page.fill("#input", ASKS)
    page.keyboard.press("Enter")  # sent: the page shows "me: can u send a selfie", the child's own line
    page.wait_for_selector("#messages li:has-text('me: can u send a selfie')")
    say(page, "sam", HARMLESS_PICTURES)
    page.click("#input")
    say(page, "stranger", THREAT)

    shown = wait_for_nudge(page)
    assert shown["text"] == NUDGE_TEXT["picture-shared"]  # not the words for pictures: the lines before were passed over
    assert shown["role"] == "status" and shown["live"] == "polite"
    assert all(shown[b]["width"] >= 44 and shown[b]["height"] >= 44 for b in ("help", "dismiss"))
    assert page.evaluate("document.activeElement.id") == "input"  # the child keeps typing where they were

    click(page, shown["help"])
    panel = wait_for_panel(page)
    panel.wait_for_selector("main[data-situation='picture-shared']")
    steps = panel.inner_text("main .steps")
    assert "Don't pay" in steps or "don't pay" in steps.lower(), steps
    assert nudge(page) is None


def test_dismissal_is_respected_for_the_conversation(page):
    open_chat(page, "nudge-dismiss")
    say(page, "stranger", ASKS)
    assert wait_for_nudge(page)["text"] == NUDGE_TEXT["wants-pictures"]

    # Keyboard: the prompt's buttons follow Buoy's button in the tab order, after the page's own.
    page.focus("#send")
    page.keyboard.press("Tab")  # Buoy's button
    page.keyboard.press("Tab")  # Get help
    page.keyboard.press("Tab")  # Not now
    page.keyboard.press("Enter")
    wait_for(lambda: nudge(page) is None, message="nudge dismissed")
    assert panel_frame(page) is None  # it was "Not now", not "Get help"

    say(page, "stranger", SECRET)  # same conversation, after a dismissal: passed over
    page.evaluate("history.pushState(null, '', '/channels/nudge-elsewhere')")  # a new conversation
    say(page, "stranger", THREAT)
    assert wait_for_nudge(page)["text"] == NUDGE_TEXT["picture-shared"]


def test_turning_nudges_off_takes_the_watcher_out_of_open_tabs(browser, page):
    open_chat(page, "nudge-off")
    options = open_options(browser)
    try:
        options.click("#field-nudges")
        wait_for(lambda: (stored(browser.buoy_worker) or {}).get("nudges") is False, message="nudges off saved")
        wait_for(lambda: not watching(page), message="watcher gone from the open tab")
        say(page, "stranger", SECRET)  # nothing reads it now

        fresh = browser.new_page()  # a page opened while off gets the button and no watcher
        fresh.goto("https://discord.com/channels/nudge-off-fresh")
        wait_for_button(fresh)
        assert not watching(fresh)
        fresh.close()

        options.click("#field-nudges")  # back on: the open tab gets a watcher again, for new lines only
        wait_for(lambda: watching(page), message="watcher back in the open tab")
        say(page, "stranger", THREAT)
        assert wait_for_nudge(page)["text"] == NUDGE_TEXT["picture-shared"]  # not "scared": that line went unread
    finally:
        options.close()
        reset(browser.buoy_worker)


def test_a_flood_beyond_the_watchers_budget_keeps_the_page_responsive_and_still_nudges(page):
    # More new lines at once than the watcher keeps (it drops the oldest): once, dropping looked up
    # the wrong thing and spun forever, freezing the chat page.
    open_chat(page, "nudge-flood")
    page.set_default_timeout(10_000)  # a frozen page fails here, not after Playwright's 30 s
    page.evaluate("() => { for (let i = 0; i < 700; i++) addMessage('crowd', 'busy chat line ' + i); }")
    assert page.evaluate("() => new Promise((done) => setTimeout(() => done(document.querySelectorAll('#messages li').length), 50))") >= 700
    say(page, "stranger", THREAT)
    assert wait_for_nudge(page)["text"] == NUDGE_TEXT["picture-shared"]
