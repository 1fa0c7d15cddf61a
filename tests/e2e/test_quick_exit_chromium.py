"""Quick exit in real Chromium: the chat tab becomes the neutral page with nothing to go Back to,
and the help tabs the child opened from the panel close. Also the shortcut and the private-window line."""

import json

import pytest

from harness.chromium import extension_url
from harness.chromium_page import click_button, escape_from_panel, wait_for_panel
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium


CHAT = "https://discord.com/channels/1"
NEUTRAL = "https://www.google.com/search?q=weather"  # settings.quickExitUrl's default
HELP_HOST = "www.childline.org.uk"


def tabs(browser):
    """{tab id: index}, from the extension (which may not read other sites' URLs)."""
    return {t["id"]: t["index"] for t in browser.buoy_worker.evaluate("chrome.tabs.query({})")}


def urls(browser):
    """Every tab's URL, from the DevTools protocol: Playwright doesn't list tabs the extension opens."""
    probe = next((p for p in browser.pages if not p.is_closed() and p.url == "about:blank"), None) or browser.new_page()
    cdp = browser.new_cdp_session(probe)
    try:
        return [t["url"] for t in cdp.send("Target.getTargets")["targetInfos"] if t["type"] == "page"]
    finally:
        cdp.detach()


def open_help_from(panel):
    """What a help button in the panel sends (services.js): the background opens the tab."""
    answer = panel.evaluate("chrome.runtime.sendMessage({type: 'help:open', service: 'childline-gb'})")
    assert answer["ok"], answer
    return answer["result"]


def chat_with_help_open(browser):
    """A chat tab with the panel open and a help tab opened from it. Returns (page, chat tab, help tab)."""
    page = browser.new_page()
    page.goto(CHAT)
    page.bring_to_front()  # an earlier quick exit left its neutral tab in front; hidden tabs are throttled
    click_button(page)
    help_tab = open_help_from(wait_for_panel(page))
    wait_for(lambda: any(HELP_HOST in url for url in urls(browser)), message="help tab open")
    page.bring_to_front()
    chat_tab = browser.buoy_worker.evaluate("chrome.tabs.query({active: true, lastFocusedWindow: true}).then(([t]) => t.id)")
    return page, chat_tab, help_tab


def assert_exited(browser, chat_tab, help_tab, before):
    """The chat tab is gone, the neutral page sits where it was with no Back, and no help tab is left."""
    wait_for(lambda: NEUTRAL in urls(browser), message="neutral page")
    wait_for(lambda: not any(url.startswith(CHAT) or HELP_HOST in url for url in urls(browser)), message="chat and help gone")
    after = tabs(browser)
    assert chat_tab not in after and help_tab not in after
    new = [tab for tab in after if tab not in before]
    assert len(new) == 1
    order = [new[0] if tab == chat_tab else tab for tab in sorted(before, key=before.get)]
    assert [tab for tab in order if tab in after] == sorted(after, key=after.get)  # in the chat's place
    back = browser.buoy_worker.evaluate(f"chrome.tabs.goBack({new[0]}).then(() => 'went back', e => e.message)")
    assert back != "went back"  # nothing to go Back to
    assert NEUTRAL in urls(browser) and not any(url.startswith(CHAT) for url in urls(browser))
    browser.buoy_worker.evaluate(f"chrome.tabs.remove({new[0]})")


def test_quick_exit_button_is_on_the_panel(page):
    page.goto(CHAT)
    page.bring_to_front()  # an earlier quick exit left its neutral tab in front; hidden tabs are throttled
    click_button(page)
    panel = wait_for_panel(page)
    control = panel.locator("button.quick-exit")
    assert control.inner_text() == "Quick exit"
    box = control.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    panel.evaluate("scrollTo(0, document.body.scrollHeight)")  # still in view after scrolling down
    top = control.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 40


def test_quick_exit_control(browser):
    page, chat_tab, help_tab = chat_with_help_open(browser)
    before = tabs(browser)
    wait_for_panel(page).locator("button.quick-exit").click()
    assert_exited(browser, chat_tab, help_tab, before)


def test_double_escape(browser):
    page, chat_tab, help_tab = chat_with_help_open(browser)
    before = tabs(browser)
    escape_from_panel(page, wait_for_panel(page))  # the first closes the panel at once, as it always did...
    page.keyboard.press("Escape")  # ...and a second soon after, now on the page, exits
    assert_exited(browser, chat_tab, help_tab, before)


def test_one_escape_only_closes_and_page_cannot_fake_the_second(page, browser):
    page.goto(CHAT)
    page.bring_to_front()  # an earlier quick exit left its neutral tab in front; hidden tabs are throttled
    click_button(page)
    escape_from_panel(page, wait_for_panel(page))
    # A page script's Escape is untrusted: it can't make Buoy close the chat.
    page.evaluate("for (const type of ['keydown', 'keyup']) dispatchEvent(new KeyboardEvent(type, {key: 'Escape', bubbles: true}))")
    page.keyboard.press("x")  # a key that is not Escape ends the chance, too
    assert CHAT in urls(browser) and NEUTRAL not in urls(browser)


def test_quick_exit_from_toolbar_popup(browser):
    """The popup has no tab of its own: the chat is the active tab of the window."""
    popup = browser.new_page()
    popup.goto(extension_url("panel/panel.html"))
    popup.wait_for_selector("main[data-country]")
    page, chat_tab, help_tab = chat_with_help_open(browser)
    before = tabs(browser)
    popup.locator("button.quick-exit").click()
    assert_exited(browser, chat_tab, help_tab, before)



def test_shortcut_declared_and_shown(page, browser, dist):
    """What can be proven here: the manifest asks for Alt+Shift+H, Chromium assigned it (an empty
    shortcut would mean a clash), and the panel says so. Pressing it can't be: keys sent through the
    DevTools protocol (page.keyboard.press) reach the page, never the browser's own shortcuts, so
    in headless Chromium Alt+Shift+H opens nothing."""
    manifest = json.loads((dist / "chromium" / "manifest.json").read_text())
    assert manifest["commands"]["_execute_action"]["suggested_key"]["default"] == "Alt+Shift+H"
    commands = browser.buoy_worker.evaluate("chrome.commands.getAll()")
    assert {"name": "_execute_action", "shortcut": "Alt+Shift+H"}.items() <= next(
        c for c in commands if c["name"] == "_execute_action").items()
    page.goto(extension_url("panel/panel.html"))
    page.wait_for_selector("main[data-country] .shortcut:not(:empty)")
    assert page.inner_text(".shortcut") == ("Open Buoy from any page with Alt+Shift+H. "
                                             "To change the keys, go to chrome://extensions/shortcuts.")
    assert "private window (Ctrl+Shift+N)" in page.inner_text(".private-window")


STORAGE = """Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null), chrome.storage.session.get(null)])
  .then(([local, sync, session]) => { delete session.helpTabs; return {local, sync, session}; })"""


def test_using_help_leaves_no_trace_in_storage(browser):
    """No counter, log or "last opened": every storage area is the same after help was used
    (the session's list of open help-tab ids aside, which quick exit empties)."""
    before = browser.buoy_worker.evaluate(STORAGE)
    page, chat_tab, help_tab = chat_with_help_open(browser)
    panel = wait_for_panel(page)
    panel.locator("button.situation").first.click()  # a situation screen, as a child would
    panel.wait_for_selector("main[data-screen='situation']")
    open_help_from(panel)
    tabs_before = tabs(browser)
    panel.locator("button.quick-exit").click()
    assert_exited(browser, chat_tab, help_tab, tabs_before)
    assert browser.buoy_worker.evaluate("chrome.storage.session.get('helpTabs').then(s => s.helpTabs ?? [])") == []
    assert browser.buoy_worker.evaluate(STORAGE) == before
