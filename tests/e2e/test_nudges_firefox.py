"""Gentle nudges in real Firefox ESR (issue 11): the Firefox twin of test_nudges_chromium.py.

BiDi can't enter the button's closed shadow root, so the prompt is found where its layout puts it
(above the button, its buttons anchored to its bottom edge) and proven by its colour there; which
prompt it was is read from the help it opens (the panel frame's situation). Whether the watcher is
in a tab is asked from an extension page, in Buoy's own content-script world (scripting API).
As in Chromium, each "doesn't" is proven by order: the ignored line comes first."""

import base64

import pytest

from harness.firefox_page import button_drawn, click_in, panel_frame, viewport, wait_for_panel
from harness.png import pixels
from harness.waiting import wait_for

pytestmark = pytest.mark.firefox

THREAT = "i have ur pics, pay me or i share them with everyone"  # -> picture-shared
ASKS = "can u send a selfie"  # -> wants-pictures
SECRET = "dont tell ur parents about me ok"  # -> scared
HARMLESS_PICTURES = "send a pic of ur build"
CREAM = (0xFE, 0xF3, 0xC7)  # the prompt's background (content/button.js .buoy-nudge)
# Layout of content/button.js for the default look: the prompt 300 px wide, 16 px from the right
# edge, its bottom 84 px up (gap + button + 12); 12 px padding; two 44 px buttons, 8 px apart.
RIGHT, BOTTOM, WIDTH, PAD, ROW, GAP = 16, 84, 300, 12, 44, 8


def prompt_points(ff, tab):
    """Centres of Get help and Not now, and a strip of the prompt's own background."""
    vw, vh = viewport(ff, tab)
    left, bottom = vw - RIGHT - WIDTH, vh - BOTTOM
    half = (WIDTH - 2 * PAD - GAP) / 2
    y = bottom - PAD - ROW / 2
    return {"help": (left + PAD + half / 2, y), "dismiss": (left + PAD + half + GAP + half / 2, y),
            "strip": {"x": left + PAD, "y": bottom - PAD + 2, "width": WIDTH - 2 * PAD, "height": PAD - 4}}


def prompt_drawn(ff, tab):
    strip = prompt_points(ff, tab)["strip"]
    png = ff.send("browsingContext.captureScreenshot", {"context": tab, "clip": {"type": "box", **strip}})
    rows = pixels(base64.b64decode(png["data"]))
    return all(all(abs(a - b) <= 6 for a, b in zip(px, CREAM, strict=True)) for row in rows for px in row)


def say(ff, tab, who, text):
    ff.call(tab, "(who, text) => addMessage(who, text)", who, text)


def watching(ff, path):
    """Whether the nudge watcher runs in the tab at https://discord.com/channels/<path>."""
    probe = ff.open_extension_page("panel/panel.html")
    try:
        return ff.evaluate(probe, f"""browser.tabs.query({{ url: "https://discord.com/channels/{path}" }})
          .then(([tab]) => browser.scripting.executeScript({{ target: {{ tabId: tab.id }},
            func: () => Boolean(globalThis.buoyNudges) }}))
          .then(([answer]) => answer.result)""")
    finally:
        ff.close_tab(probe)


@pytest.fixture
def tab(firefox):
    tab = firefox.new_tab()  # the only tab these tests leave open: extension pages close themselves
    yield tab
    firefox.close_tab(tab)


def open_chat(ff, tab, path):
    ff.navigate(tab, f"https://discord.com/channels/{path}")
    wait_for(lambda: button_drawn(ff, tab), message="Buoy button drawn")
    wait_for(lambda: watching(ff, path), message="nudge watcher running")


def situation_opened(ff, tab):
    frame = wait_for(lambda: panel_frame(ff, tab), message="panel frame")
    wait_for_panel(ff, frame)
    return ff.evaluate(frame, "document.querySelector('main').dataset.situation ?? null")


def test_risky_line_shows_the_prompt_and_get_help_opens_that_help(firefox, tab):
    open_chat(firefox, tab, "nudge-help")
    click_in(firefox, tab, "#input")
    firefox.press(tab, *SECRET)  # typed, not sent
    firefox.call(tab, "(text) => { document.getElementById('input').value = text; }", ASKS)
    firefox.press(tab, "Enter")  # sent: the page shows it as "me: ...", the child's own line
    wait_for(lambda: firefox.evaluate(tab, "document.getElementById('messages').innerText.includes('me: can u send a selfie')"),
             message="own line shown")
    say(firefox, tab, "sam", HARMLESS_PICTURES)
    say(firefox, tab, "stranger", THREAT)

    wait_for(lambda: prompt_drawn(firefox, tab), message="nudge drawn")
    assert firefox.evaluate(tab, "document.activeElement.id") == "input"
    firefox.click(tab, *prompt_points(firefox, tab)["help"])
    assert situation_opened(firefox, tab) == "picture-shared"
    assert not prompt_drawn(firefox, tab)


def test_dismissal_is_respected_for_the_conversation(firefox, tab):
    open_chat(firefox, tab, "nudge-dismiss")
    say(firefox, tab, "stranger", ASKS)
    wait_for(lambda: prompt_drawn(firefox, tab), message="nudge drawn")
    firefox.click(tab, *prompt_points(firefox, tab)["dismiss"])
    wait_for(lambda: not prompt_drawn(firefox, tab), message="nudge dismissed")
    assert panel_frame(firefox, tab) is None

    say(firefox, tab, "stranger", SECRET)  # same conversation: passed over
    firefox.evaluate(tab, "history.pushState(null, '', '/channels/nudge-elsewhere')")
    say(firefox, tab, "stranger", THREAT)
    wait_for(lambda: prompt_drawn(firefox, tab), message="nudge drawn for the new conversation")
    firefox.click(tab, *prompt_points(firefox, tab)["help"])
    assert situation_opened(firefox, tab) == "picture-shared"  # not "scared"


def test_turning_nudges_off_takes_the_watcher_out_of_open_tabs(firefox, tab):
    open_chat(firefox, tab, "nudge-off")
    options = firefox.open_extension_page("options/options.html")
    try:
        wait_for(lambda: firefox.evaluate(options, "!!document.querySelector('#field-nudges')"), message="options ready")
        click_in(firefox, options, "#field-nudges")
        wait_for(lambda: not watching(firefox, "nudge-off"), message="watcher gone from the open tab")
        say(firefox, tab, "stranger", SECRET)  # nothing reads it now
        click_in(firefox, options, "#field-nudges")
        wait_for(lambda: watching(firefox, "nudge-off"), message="watcher back in the open tab")
    finally:
        firefox.close_tab(options)
    say(firefox, tab, "stranger", THREAT)
    wait_for(lambda: prompt_drawn(firefox, tab), message="nudge drawn")
    firefox.click(tab, *prompt_points(firefox, tab)["help"])
    assert situation_opened(firefox, tab) == "picture-shared"  # not "scared": that line went unread
