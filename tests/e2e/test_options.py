"""The options page in both browsers: every change saves at once and reaches tabs that are already
open, with no reload; a malformed site is refused next to its field; a new site asks the browser
for exactly its origins; and axe-core finds nothing."""

import pytest

from harness.axe import axe_violations
from harness.waiting import wait_for

CHAT = "https://discord.com/channels/1"


@pytest.fixture
def options(buoy):
    page = buoy.open_extension_page("options/options.html", ready="#options[data-ready] #field-country")
    yield page
    buoy.reset_settings()


@pytest.fixture
def chat(buoy):
    tab = buoy.open(CHAT)
    buoy.wait_for_button(tab)
    return tab


def gone(buoy, tab, message):
    wait_for(lambda: buoy.button_box(tab) is None, message=message)


def test_corner_and_size_change_moves_the_button_on_an_open_tab(buoy, options, chat):
    before = buoy.button_box(chat)
    assert before["x"] > 600 and before["y"] > 400  # bottom right
    buoy.click_in(options, "#field-corner-top-left")
    box = wait_for(lambda: (b := buoy.button_box(chat)) and b["x"] < 100 and b["y"] < 100 and b,
                   message="button moved top left")
    assert box["width"] == pytest.approx(before["width"])
    buoy.click_in(options, "#field-size-large")
    wait_for(lambda: (b := buoy.button_box(chat)) and b["width"] > before["width"] * 1.3, message="button grew")
    assert buoy.settings()["corner"] == "top-left"
    assert buoy.run(chat, "performance.getEntriesByType('navigation').length") == 1  # never reloaded


def test_disabling_a_site_removes_its_button_and_enabling_brings_it_back(buoy, options, chat):
    buoy.click_in(options, "#site-discord")  # off
    gone(buoy, chat, "button gone from discord")
    assert buoy.settings()["disabledSites"] == ["discord"]
    buoy.click_in(options, "#site-discord")  # on again
    buoy.wait_for_button(chat)


def test_turning_a_category_off_removes_the_button_and_locks_its_sites(buoy, options, chat):
    buoy.click_in(options, "#category-chat")  # off
    gone(buoy, chat, "button gone from the chat site")
    # The options page re-draws when the setting lands, apart from the worker that takes the button
    # away: under load the button went first (a rerun in CI), so the lock is waited for too.
    buoy.wait_for_selector(options, "#site-discord:disabled", "discord's box locked while its category is off")
    buoy.click_in(options, "#category-chat")
    buoy.wait_for_button(chat)


@pytest.mark.parametrize("typed", ["not a site!", "https://", "localhost", "chat school.example", "school..example"])
def test_malformed_site_is_explained_next_to_the_field_and_not_saved(buoy, options, typed):
    buoy.fill(options, "#extra-input", typed)
    buoy.click_in(options, "form.add-site button[type=submit]")
    buoy.wait_for_selector(options, "#extra-error:not([hidden])")
    assert "website address" in buoy.read(options, "#extra-error")
    field = buoy.call(options, """(s) => { const f = document.querySelector(s);
      return [f.getAttribute("aria-invalid"), f.getAttribute("aria-describedby")]; }""", "#extra-input")
    assert field[0] == "true" and "extra-error" in field[1].split()
    assert (buoy.settings() or {}).get("extraSites", []) == []


WATCH_REQUEST = """() => { const request = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = (p) => { window.asked = p; return request(p); }; }"""


def test_a_new_site_asks_the_browser_for_exactly_its_origins(buoy, options):
    buoy.call(options, WATCH_REQUEST)  # the real call, watched
    buoy.fill(options, "#extra-input", "https://Chat.MySchool.example/room/4")
    buoy.click_in(options, "form.add-site button[type=submit]")
    asked = wait_for(lambda: buoy.run(options, "window.asked"), message="permission requested")
    assert asked == {"origins": ["https://chat.myschool.example/*", "https://*.chat.myschool.example/*"]}


@pytest.mark.only("chromium", reason="headless Chromium's permission prompt stays open, so what is saved before a "
                                     "yes shows; the Firefox harness answers every prompt yes at once")
def test_nothing_is_saved_before_the_browser_says_yes(buoy, options):
    buoy.call(options, WATCH_REQUEST)
    buoy.fill(options, "#extra-input", "https://Chat.MySchool.example/room/4")
    buoy.click_in(options, "form.add-site button[type=submit]")
    wait_for(lambda: buoy.run(options, "window.asked"), message="permission requested")
    assert (buoy.settings() or {}).get("extraSites", []) == []


@pytest.mark.only("chromium", reason="a Firefox bug this test found, not yet fixed: removing an own site that is "
                                     "also a default site gives back the default's host permission too, so in Firefox "
                                     "that site's button stays gone until the permission is granted again")
def test_an_own_site_the_browser_allows_gets_the_button_and_loses_it_on_removal(buoy, options, chat):
    # discord.com is already granted (a default site), so the browser answers yes without a prompt.
    buoy.click_in(options, "#site-discord")  # the default discord off
    gone(buoy, chat, "default discord off")
    buoy.fill(options, "#extra-input", "discord.com")
    buoy.click_in(options, "form.add-site button[type=submit]")
    buoy.wait_for_selector(options, "#extra-list li[data-host='discord.com']")
    buoy.wait_for_button(chat)
    assert buoy.settings()["extraSites"] == ["discord.com"]
    buoy.click_in(options, "#extra-list li[data-host='discord.com'] button")
    gone(buoy, chat, "own site removed")


def test_options_page_is_axe_clean(buoy, options):
    assert axe_violations(buoy, options) == []
