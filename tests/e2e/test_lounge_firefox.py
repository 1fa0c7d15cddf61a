"""Buoy in a real chat app (issue 5), in real Firefox ESR: The Lounge on a loopback IRC server, served
as discord.com. The button is drawn, survives the app's own rendering while another IRC client floods
the channel, leaves the app's text box focused and working, and a real click on it opens the UK help.
(The Firefox twin of test_lounge_chromium.py's second test; the flood froze this tab for minutes, with
Buoy's default nudge watcher on, until b50ff22.)"""

import pytest

from harness.browsers import uk_child_firefox
from harness.firefox_page import button_drawn, click_in, open_panel
from harness.lounge import run_lounge
from harness.waiting import wait_for

pytestmark = pytest.mark.firefox

HOST = "discord.com"  # a default site: Buoy runs there
LOBBY = '#chat-container[data-current-channel="#lobby"]'
MESSAGES = f'{LOBBY} #chat .messages .msg[data-type="message"]'


@pytest.fixture(scope="module")
def lounge_firefox(dist, tmp_path_factory):
    """The Lounge, and a Firefox ESR set up as a UK child's, with Buoy,
    whose every request goes to the Lounge."""
    with run_lounge(tmp_path_factory.mktemp("lounge")) as lounge, uk_child_firefox(dist / "firefox", lounge.port) as ff:
        ff.timeout = 10  # a page that hangs fails in seconds, not minutes
        yield lounge, ff


def connect(ff, tab, lounge):
    """The Firefox form of lounge.connect(page): a real click on Connect, then wait until this page's
    user has joined #lobby (anything said before the join never reaches the page)."""
    wait_for(lambda: ff.evaluate(tab, "!!document.querySelector('#connect button[type=submit]')"),
             timeout=15, message="The Lounge's connect form")
    click_in(ff, tab, "#connect button[type=submit]")
    joined = f'{LOBBY} #chat .messages .msg.self[data-type="join"]'
    wait_for(lambda: ff.call(tab, "(s) => !!document.querySelector(s)", joined), timeout=15, message="#lobby joined")


def count(ff, tab, selector, text=None):
    return ff.call(tab, """(selector, text) => [...document.querySelectorAll(selector)]
      .filter(m => text === null || m.querySelector(".content")?.innerText === text).length""", selector, text)


def test_button_survives_the_apps_rendering_and_opens_help(lounge_firefox):
    lounge, ff = lounge_firefox
    tab = ff.new_tab(f"https://{HOST}/")
    connect(ff, tab, lounge)
    wait_for(lambda: button_drawn(ff, tab), timeout=30, message="button drawn")
    click_in(ff, tab, "#input")

    lounge.flood(150, per_second=100, nick="crowd")
    lounge.say("last line", nick="stranger")
    wait_for(lambda: count(ff, tab, f'{MESSAGES}[data-from="stranger"]', "last line"), timeout=20,
             message="the last line rendered")
    assert count(ff, tab, f'{MESSAGES}[data-from="crowd"]') == 150  # the app rendered them all
    assert wait_for(lambda: button_drawn(ff, tab), timeout=30, message="button still drawn")
    assert ff.evaluate(tab, "[document.querySelectorAll('buoy-help').length, document.activeElement.id]") == [1, "input"]
    ff.press(tab, *"still typing")
    assert ff.evaluate(tab, "document.querySelector('#input').value") == "still typing"

    text = ff.evaluate(open_panel(ff, tab), "document.querySelector('main').innerText")  # a real click on it
    assert all(words in text for words in ("Childline", "0800 1111", "999")), text
    assert lounge.blocked() == [] and set(ff.proxy.hosts) == {f"{HOST}:443"}  # nothing asked of anywhere else
