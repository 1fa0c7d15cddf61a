"""Quick exit in both browsers: the chat tab becomes the neutral page with nothing to go Back to,
in the chat's place, and the help tabs the child opened from the panel close. Also the shortcut and
the private-window line, and that using help leaves no trace in storage."""

import json
import re

from harness.paths import ROOT
from harness.waiting import wait_for

CHAT = "https://discord.com/channels/1"
NEUTRAL = "https://www.google.com/search?q=weather"  # settings.quickExitUrl's default
HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())["services"]["childline-gb"]["url"]
TABS = "chrome.tabs.query({}).then(tabs => Object.fromEntries(tabs.map(t => [t.id, t.index])))"
ACTIVE = "chrome.tabs.query({active: true, lastFocusedWindow: true}).then(([t]) => t.id)"
STORAGE = """Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null), chrome.storage.session.get(null)])
  .then(([local, sync, session]) => { delete session.helpTabs; return {local, sync, session}; })"""


def platform(buoy, name):
    """A fact of this browser's build, from the one place it is kept (extension/platform/<browser>/)."""
    source = (ROOT / "extension" / "platform" / buoy.name / "browser.js").read_text()
    return re.search(rf'export const {name} = "([^"]*)"', source).group(1)


def urls(buoy):
    return [url for _, url in buoy.tabs()]


def tabs(buoy):
    """{tab id: index}, from the extension (which may not read other sites' URLs)."""
    return {int(tab): index for tab, index in buoy.extension(TABS).items()}


def chat_with_help_open(buoy):
    """A chat tab with the panel open and a help tab opened from it, by real clicks.
    Returns (chat page, its panel, chat tab id, help tab id)."""
    page = buoy.open(CHAT)
    chat_tab = buoy.extension(ACTIVE)
    panel = buoy.open_panel(page)
    before = tabs(buoy)
    buoy.choose_situation(panel, "talk")
    buoy.click_in(panel, ".first-service button[data-service='childline-gb']:not([data-contact])")
    wait_for(lambda: HELP in urls(buoy), message="help tab open")
    (help_tab,) = wait_for(lambda: [tab for tab in tabs(buoy) if tab not in before], message="help tab listed")
    buoy.show(page)  # back to the chat, which the help tab covered
    return page, panel, chat_tab, help_tab


def assert_exited(buoy, chat_tab, help_tab, before):
    """The chat tab is gone, the neutral page sits where it was with no Back, and no help tab is left."""
    wait_for(lambda: NEUTRAL in urls(buoy), message="neutral page")
    wait_for(lambda: not any(url.startswith(CHAT) or url == HELP for url in urls(buoy)), message="chat and help gone")
    after = tabs(buoy)
    assert chat_tab not in after and help_tab not in after
    new = [tab for tab in after if tab not in before]
    assert len(new) == 1
    order = [new[0] if tab == chat_tab else tab for tab in sorted(before, key=before.get)]
    assert [tab for tab in order if tab in after] == sorted(after, key=after.get)  # in the chat's place
    back = buoy.extension(f"chrome.tabs.goBack({new[0]}).then(() => 'went back', e => e.message)")
    wait_for(lambda: NEUTRAL in urls(buoy), message="still the neutral page")
    assert back != "went back" or not any(url.startswith(CHAT) for url in urls(buoy))  # nothing to go Back to
    assert NEUTRAL in urls(buoy) and not any(url.startswith(CHAT) for url in urls(buoy))
    buoy.extension(f"chrome.tabs.remove({new[0]})")


def test_quick_exit_button_is_on_the_panel(buoy):
    panel = buoy.open_panel(buoy.open(CHAT))
    control = """() => { const r = document.querySelector("button.quick-exit").getBoundingClientRect();
                         return [r.top, r.width, r.height]; }"""
    assert buoy.read(panel, "button.quick-exit") == "Quick exit"
    _, width, height = buoy.call(panel, control)
    assert width >= 44 and height >= 44
    buoy.run(panel, "scrollTo(0, document.body.scrollHeight)")  # still in view after scrolling down
    top, _, _ = buoy.call(panel, control)
    assert 0 <= top < 40


def test_quick_exit_control(buoy):
    _, panel, chat_tab, help_tab = chat_with_help_open(buoy)
    before = tabs(buoy)
    buoy.click_in(panel, "button.quick-exit")
    assert_exited(buoy, chat_tab, help_tab, before)


def test_double_escape(buoy):
    page, panel, chat_tab, help_tab = chat_with_help_open(buoy)
    before = tabs(buoy)
    buoy.escape_panel(page, panel)  # the first closes the panel at once, as it always did...
    buoy.press(page, "Escape")  # ...and a second soon after, now on the page, exits
    assert_exited(buoy, chat_tab, help_tab, before)


def test_one_escape_only_closes_and_page_cannot_fake_the_second(buoy):
    page = buoy.open(CHAT)
    buoy.escape_panel(page, buoy.open_panel(page))
    # A page script's Escape is untrusted: it can't make Buoy close the chat.
    buoy.run(page, "['keydown', 'keyup'].forEach(type => dispatchEvent(new KeyboardEvent(type, {key: 'Escape', bubbles: true})))")
    buoy.press(page, "x")  # a key that is not Escape ends the chance, too
    assert CHAT in urls(buoy) and NEUTRAL not in urls(buoy)


def test_quick_exit_from_toolbar_popup(buoy):
    """The popup has no tab of its own: the chat is the active tab of the window."""
    popup = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    _, _, chat_tab, help_tab = chat_with_help_open(buoy)
    before = tabs(buoy)
    buoy.click_in(popup, "button.quick-exit")
    assert_exited(buoy, chat_tab, help_tab, before)


def test_shortcut_declared_and_shown(buoy, dist):
    """What can be proven here: the manifest asks for Alt+Shift+H, the browser assigned it (an empty
    shortcut would mean a clash), and the panel says so. Pressing it can't be: keys sent over
    DevTools or BiDi reach the page, never the browser's own shortcuts."""
    manifest = json.loads((dist / buoy.name / "manifest.json").read_text())
    assert manifest["commands"]["_execute_action"]["suggested_key"]["default"] == "Alt+Shift+H"
    commands = buoy.extension("chrome.commands.getAll()")
    assert next(c for c in commands if c["name"] == "_execute_action")["shortcut"] == "Alt+Shift+H"
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country] .shortcut:not(:empty)")
    assert buoy.read(page, ".shortcut") == ("Open Buoy from any page with Alt+Shift+H. "
                                            f"To change the keys, go to {platform(buoy, 'shortcutsPage')}.")
    assert f"private window ({platform(buoy, 'privateWindowKeys')})" in buoy.read(page, ".private-window")


def test_using_help_leaves_no_trace_in_storage(buoy):
    """No counter, log or "last opened": every storage area is the same after help was used
    (the session's list of open help-tab ids aside, which quick exit empties)."""
    before = buoy.extension(STORAGE)
    _, panel, chat_tab, help_tab = chat_with_help_open(buoy)
    tabs_before = tabs(buoy)
    buoy.click_in(panel, "button.quick-exit")
    assert_exited(buoy, chat_tab, help_tab, tabs_before)
    assert buoy.extension("chrome.storage.session.get('helpTabs').then(s => s.helpTabs ?? [])") == []
    assert buoy.extension(STORAGE) == before

