"""Buoy in a real chat app (issue 5), in both browsers: The Lounge on a loopback IRC server, served as
discord.com. The button appears, survives the app's own rendering while another IRC client floods
the channel, opens the help, and leaves the app as it was: the same layout, styles and globals as the
same app under a host Buoy doesn't run on, no console errors, and focus kept in the app's text box.
(The flood froze Firefox's tab for minutes, with Buoy's default nudge watcher on, until b50ff22.)
Nudges too (issue 11): a message another IRC client sends reaches the child's browser over the app's
websocket, past its strict CSP, and Buoy nudges; the child's own message, typed and sent, doesn't.
The child's line comes first, so the help the prompt opens shows which line it was for."""

import pytest

from harness.lounge import run_lounge
from harness.page_probe import GLOBAL_NAMES, LAYOUT_AND_STYLES
from harness.waiting import settled, wait_for

LISTED, UNLISTED = "discord.com", "chat.example.org"  # both are The Lounge; Buoy runs on the first only
LOBBY = '#chat-container[data-current-channel="#lobby"]'
MESSAGES = f'{LOBBY} #chat .messages .msg[data-type="message"]'
SLOW = 30  # seconds: the app renders a flood on a shared 2-core machine; readiness only


@pytest.fixture(scope="module")
def lounge(tmp_path_factory):
    with run_lounge(tmp_path_factory.mktemp("lounge")) as lounge:
        yield lounge


@pytest.fixture(scope="module")
def upstream(lounge):
    """Every host name the browsers ask for is The Lounge."""
    return lounge.port


def open_lounge(buoy, host):
    tab = buoy.open(f"https://{host}/")
    buoy.wait_for_selector(tab, "#connect button[type=submit]", message="The Lounge's connect form")
    return tab


def connect(buoy, tab):
    """A real click on Connect, then wait until this page's user has joined #lobby (anything said
    before the join never reaches the page)."""
    buoy.click_in(tab, "#connect button[type=submit]")
    joined = f'{LOBBY} #chat .messages .msg.self[data-type="join"]'
    wait_for(lambda: buoy.call(tab, "(s) => !!document.querySelector(s)", joined), timeout=15, message="#lobby joined")


def count(buoy, tab, selector, text=None):
    return buoy.call(tab, """(selector, text) => [...document.querySelectorAll(selector)]
      .filter(m => text === null || m.querySelector(".content")?.innerText === text).length""", selector, text)


def test_the_app_looks_and_behaves_the_same_with_buoy(buoy):
    without, with_buoy = open_lounge(buoy, UNLISTED), open_lounge(buoy, LISTED)
    buoy.wait_for_button(with_buoy)
    assert buoy.button_box(without) is None
    # The app lays itself out for a while after its form appears: a suite run compared the two tabs
    # mid-way (boxes apart, passing on the rerun). Each is read once its fonts are in and it holds still.
    def layout(tab):
        return buoy.run(tab, "document.fonts.status") == "loaded" and buoy.call(tab, LAYOUT_AND_STYLES)

    baseline = settled(lambda: layout(without), message="The Lounge laid out")
    assert len(baseline["elements"]) > 20
    assert settled(lambda: layout(with_buoy), message="The Lounge laid out, with Buoy") == baseline
    assert buoy.call(with_buoy, GLOBAL_NAMES) == buoy.call(without, GLOBAL_NAMES)
    assert buoy.errors(with_buoy) == buoy.errors(without) == []


def test_button_survives_the_apps_rendering_and_opens_help(buoy, lounge):
    recorded = buoy.record_requests()
    tab = open_lounge(buoy, LISTED)
    connect(buoy, tab)
    wait_for(lambda: buoy.button_drawn_in_corner(tab), timeout=SLOW, message="button drawn")
    buoy.click_in(tab, "#input")

    lounge.flood(150, per_second=100, nick="crowd")
    lounge.say("last line", nick="stranger")
    wait_for(lambda: count(buoy, tab, f'{MESSAGES}[data-from="stranger"]', "last line"), timeout=SLOW,
             message="the last line rendered")
    assert count(buoy, tab, f'{MESSAGES}[data-from="crowd"]') == 150  # the app rendered them all
    assert wait_for(lambda: buoy.button_drawn_in_corner(tab), timeout=SLOW, message="button still drawn")
    assert buoy.run(tab, "[document.querySelectorAll('buoy-help').length, document.activeElement.id]") == [1, "input"]
    buoy.press(tab, *"still typing")
    assert buoy.run(tab, "document.querySelector('#input').value") == "still typing"

    text = buoy.read(buoy.open_panel(tab), "main")  # a real click on the button
    assert all(words in text for words in ("Childline", "0800 1111", "999")), text
    assert buoy.errors(tab) == [] and lounge.blocked() == []
    assert set(recorded()) <= {f"{LISTED}:443", f"{UNLISTED}:443"}  # nothing asked of anywhere else


STRANGER = "i have ur pics, pay me or i share them with everyone"  # -> picture-shared
OWN = "can u send a selfie"  # the child's own line, of another kind (wants-pictures)


def test_a_message_from_another_irc_client_nudges_the_child(buoy, lounge):
    tab = open_lounge(buoy, LISTED)
    connect(buoy, tab)
    buoy.wait_for_button(tab)
    wait_for(lambda: buoy.watching(tab), message="nudge watcher running")

    buoy.click_in(tab, "#input")
    buoy.press(tab, *OWN, "Enter")
    wait_for(lambda: count(buoy, tab, f"{LOBBY} #chat .messages .msg.self[data-type='message']", OWN), message="own line sent")

    lounge.say(STRANGER, nick="stranger")
    wait_for(lambda: count(buoy, tab, f'{MESSAGES}[data-from="stranger"]', STRANGER), message="the stranger's line")
    shown = buoy.wait_for_nudge(tab)
    assert buoy.run(tab, "document.activeElement.id") == "input"
    buoy.click(tab, shown["help"]["x"] + shown["help"]["width"] / 2, shown["help"]["y"] + shown["help"]["height"] / 2)
    panel = buoy.wait_for_panel(tab)
    assert wait_for(lambda: buoy.situation(panel), message="the panel at a situation") == "picture-shared"
    assert lounge.blocked() == []
