"""The Get-help button on listed sites, in both browsers (issue 2): the build installs, the button is
drawn on listed sites only and sealed from the page, a real click opens the UK help, a help link opens
the official site in a new tab, Escape closes the panel and the toolbar panel shows the same help."""

import json

import pytest

from harness.chromium_page import accessible_buttons
from harness.paths import ROOT
from harness.waiting import wait_for

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())
UK_HELP = ["Childline", "0800 1111", "999"]  # issue 2: what a UK child must see first


def test_button_drawn_on_listed_site_and_sealed_from_the_page(buoy):
    tab = buoy.open("https://discord.com/channels/1")
    box = buoy.wait_for_button(tab)
    assert box["width"] >= 44 and box["height"] >= 44
    vw, vh = buoy.viewport(tab)
    assert box["x"] >= 0 and box["x"] + box["width"] <= vw and box["y"] >= 0 and box["y"] + box["height"] <= vh
    # The page sees only the host element: the shadow root is closed, and the host is what it hits.
    seen = buoy.call(tab, """([x, y]) => {
      const hosts = document.querySelectorAll("buoy-help");
      return { hosts: hosts.length, shadow: hosts[0]?.shadowRoot ?? null,
               hit: document.elementFromPoint(x, y)?.localName };
    }""", [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert seen == {"hosts": 1, "shadow": None, "hit": "buoy-help"}


@pytest.mark.only("chromium", reason="BiDi has no accessibility tree; DevTools does")
def test_button_has_a_help_name_for_screen_readers(buoy):
    tab = buoy.open("https://discord.com/channels/1")
    buoy.wait_for_button(tab)
    assert any("help" in name.lower() for name in accessible_buttons(tab))


@pytest.mark.parametrize("url", ["https://www.bbc.co.uk/news", "https://www.google.com/search?q=x", "https://en.wikipedia.org/"])
def test_no_button_elsewhere(buoy, url):
    tab = buoy.open(url)  # loaded: the button's script runs at document_start, so it would be there now
    assert buoy.run(tab, "document.querySelector('buoy-help')") is None
    assert buoy.button_box(tab) is None


def test_real_click_opens_uk_help_and_escape_closes_it(buoy):
    tab = buoy.open("https://www.roblox.com/home")
    panel = buoy.open_panel(tab)
    text = buoy.read(panel, "main")
    assert all(words in text for words in UK_HELP), text
    buoy.choose_situation(panel, "picture-shared")
    text = buoy.read(panel, "main")
    assert all(words in text for words in ["CEOP", "Report Remove", *UK_HELP]), text
    buoy.escape_panel(tab, panel)
    # Focus went back to the button, inside the closed root: the page sees only its host.
    assert buoy.run(tab, "document.activeElement.localName") == "buoy-help"
    assert buoy.button_drawn_in_corner(tab)


@pytest.mark.parametrize("key", ["Enter", " "])
def test_keyboard_reaches_the_button_and_opens_the_help(buoy, key):
    # Tab from the page's last control reaches the button; its key comes at once, while the code only
    # a press needs (content/button-press.js, imported at that focus) may still be loading.
    tab = buoy.open("https://discord.com/channels/keyboard")
    buoy.wait_for_button(tab)
    buoy.run(tab, "document.getElementById('send').focus()")
    buoy.press(tab, "Tab", key)
    assert "Childline" in buoy.panel_text(tab)
    assert buoy.run(tab, "document.activeElement.localName") == "buoy-help"


def test_help_link_opens_the_official_site_in_a_new_tab(buoy):
    tab = buoy.open("https://www.roblox.com/home")
    panel = buoy.open_panel(tab)
    buoy.choose_situation(panel, "talk")
    buoy.click_in(panel, ".first-service button[data-service='childline-gb']:not([data-contact])")
    url = HELP["services"]["childline-gb"]["url"]
    wait_for(lambda: url in [u for _, u in buoy.tabs()], message=f"a tab on {url}")
    assert buoy.run(tab, "location.href") == "https://www.roblox.com/home"  # the chat stays


def test_toolbar_panel_page_shows_the_same_help(buoy):
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    text = buoy.read(page, "main")
    assert all(words in text for words in UK_HELP), text
    assert buoy.run(page, "chrome.runtime.id") == buoy.extension_id  # each build under its own id
