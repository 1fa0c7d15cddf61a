"""The Get-help button in real Firefox ESR (issue 2): the Firefox build installs, the button is drawn
on listed sites only, a real click opens the help, links open the official site, Escape closes."""

import json

import pytest

from harness.firefox import BUOY_ID
from harness.firefox_page import button_drawn, centre, click_in, open_panel, panel_frame, wait_for_panel
from harness.hostile import expected_box
from harness.paths import ROOT
from harness.waiting import wait_for

pytestmark = pytest.mark.firefox

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())
UK_HELP = ["Childline", "0800 1111", "999"]  # issue 2: what a UK child must see first


@pytest.fixture
def tab(firefox):
    tabs_before = {t["context"] for t in firefox.tabs()}
    tab = firefox.new_tab()
    yield tab
    for t in firefox.tabs():
        if t["context"] not in tabs_before:
            firefox.close_tab(t["context"])


def test_button_drawn_on_listed_site_and_sealed_from_the_page(firefox, tab):
    firefox.navigate(tab, "https://discord.com/channels/1")
    box = wait_for(lambda: button_drawn(firefox, tab), message="Buoy button drawn")
    assert box["width"] >= 44 and box["height"] >= 44
    # The page sees only the host element: the shadow root is closed, and the host is what it hits.
    seen = firefox.call(tab, """([x, y]) => {
      const hosts = document.querySelectorAll("buoy-help");
      return { hosts: hosts.length, shadow: hosts[0]?.shadowRoot ?? null,
               hit: document.elementFromPoint(x, y)?.localName };
    }""", list(centre(box)))
    assert seen == {"hosts": 1, "shadow": None, "hit": "buoy-help"}


def test_no_button_on_unlisted_site(firefox, tab):
    firefox.navigate(tab, "https://www.bbc.co.uk/news")  # a registered content script runs before "complete"
    assert firefox.evaluate(tab, "document.querySelector('buoy-help')") is None
    assert button_drawn(firefox, tab) is None


def test_real_click_opens_uk_help_and_escape_closes_it(firefox, tab):
    firefox.navigate(tab, "https://discord.com/channels/1")
    frame = open_panel(firefox, tab)
    text = wait_for_panel(firefox, frame)
    assert all(words in text for words in UK_HELP), text
    firefox.press(tab, "Escape")
    wait_for(lambda: panel_frame(firefox, tab) is None, message="panel closed")
    # Focus went back to the button, inside the closed root: the page sees only its host.
    assert firefox.evaluate(tab, "document.activeElement.localName") == "buoy-help"
    assert button_drawn(firefox, tab) == expected_box((firefox.evaluate(tab, "innerWidth"), firefox.evaluate(tab, "innerHeight")))


def test_help_link_opens_the_official_site_in_a_new_tab(firefox, tab):
    firefox.navigate(tab, "https://www.roblox.com/home")
    frame = open_panel(firefox, tab)
    click_in(firefox, frame, "button[data-situation='talk']")
    wait_for(lambda: firefox.evaluate(frame, "document.querySelector('main').dataset.situation") == "talk",
             message="the talk screen")
    click_in(firefox, frame, ".first-service button[data-service='childline-gb']:not([data-contact])")
    url = HELP["services"]["childline-gb"]["url"]
    opened = wait_for(lambda: [t for t in firefox.tabs() if t["url"] == url], message=f"a tab on {url}")
    assert opened[0]["context"] != tab
    assert firefox.evaluate(tab, "location.href") == "https://www.roblox.com/home"  # the chat stays


def test_toolbar_panel_page_shows_the_same_help(firefox, tab):
    firefox.navigate(tab, firefox.extension_url("panel/panel.html"))
    text = wait_for_panel(firefox, tab)
    assert all(words in text for words in UK_HELP), text
    assert firefox.evaluate(tab, "browser.runtime.id") == BUOY_ID  # the Firefox build, under its gecko id
