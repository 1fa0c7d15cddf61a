"""The options page in real Chromium: every change saves at once and reaches tabs that are already
open, with no reload; a malformed site is refused next to its field; a new site asks the browser
for exactly its origins; and axe-core finds nothing."""

import pytest

from harness.axe import axe_violations
from harness.chromium_page import button_box, wait_for_button
from harness.settings_pages import open_options, reset, stored
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium


@pytest.fixture
def options(browser):
    page = open_options(browser)
    yield page
    page.close()
    reset(browser.buoy_worker)


@pytest.fixture
def chat(browser):
    page = browser.new_page()
    page.goto("https://discord.com/channels/1")
    wait_for_button(page)
    yield page
    page.close()


def test_corner_and_size_change_moves_the_button_on_an_open_tab(options, chat):
    before = button_box(chat)
    assert before["x"] > 600 and before["y"] > 400  # bottom right
    options.check("#field-corner-top-left")
    box = wait_for(lambda: (b := button_box(chat)) and b["x"] < 100 and b["y"] < 100 and b, message="button moved top left")
    assert box["width"] == pytest.approx(before["width"])
    options.check("#field-size-large")
    wait_for(lambda: (b := button_box(chat)) and b["width"] > before["width"] * 1.3, message="button grew")
    assert stored(options.context.buoy_worker)["corner"] == "top-left"
    assert chat.evaluate("performance.getEntriesByType('navigation').length") == 1  # never reloaded


def test_disabling_a_site_removes_its_button_and_enabling_brings_it_back(options, chat):
    options.uncheck("#site-discord")
    wait_for(lambda: button_box(chat) is None, message="button gone from discord")
    assert stored(options.context.buoy_worker)["disabledSites"] == ["discord"]
    options.check("#site-discord")
    wait_for_button(chat)


def test_turning_a_category_off_removes_the_button_and_locks_its_sites(options, chat):
    options.uncheck("#category-chat")
    wait_for(lambda: button_box(chat) is None, message="button gone from the chat site")
    assert options.is_disabled("#site-discord")
    options.check("#category-chat")
    wait_for_button(chat)


@pytest.mark.parametrize("typed", ["not a site!", "https://", "localhost", "chat school.example", "school..example"])
def test_malformed_site_is_explained_next_to_the_field_and_not_saved(options, typed):
    options.fill("#extra-input", typed)
    options.click("form.add-site button[type=submit]")
    error = options.locator("#extra-error")
    error.wait_for(state="visible")
    assert "website address" in error.inner_text()
    field = options.locator("#extra-input")
    assert field.get_attribute("aria-invalid") == "true"
    assert "extra-error" in field.get_attribute("aria-describedby").split()
    assert (stored(options.context.buoy_worker) or {}).get("extraSites", []) == []


def test_a_new_site_asks_the_browser_for_exactly_its_origins_and_waits(options):
    # Watch the real call (the browser's prompt stays open: a test can't answer it).
    options.evaluate("""() => { const request = chrome.permissions.request.bind(chrome.permissions);
        chrome.permissions.request = (p) => { window.asked = p; return request(p); }; }""")
    options.fill("#extra-input", "https://Chat.MySchool.example/room/4")
    options.click("form.add-site button[type=submit]")
    asked = wait_for(lambda: options.evaluate("window.asked"), message="permission requested")
    assert asked == {"origins": ["https://chat.myschool.example/*", "https://*.chat.myschool.example/*"]}
    assert (stored(options.context.buoy_worker) or {}).get("extraSites", []) == []  # nothing saved before a yes


def test_an_own_site_the_browser_allows_gets_the_button_and_loses_it_on_removal(options, chat):
    # discord.com is already granted (a default site), so the browser answers yes without a prompt.
    options.uncheck("#site-discord")
    wait_for(lambda: button_box(chat) is None, message="default discord off")
    options.fill("#extra-input", "discord.com")
    options.click("form.add-site button[type=submit]")
    options.wait_for_selector("#extra-list li[data-host='discord.com']")
    wait_for_button(chat)
    assert stored(options.context.buoy_worker)["extraSites"] == ["discord.com"]
    options.click("#extra-list li[data-host='discord.com'] button")
    wait_for(lambda: button_box(chat) is None, message="own site removed")


def test_options_page_is_axe_clean(options):
    assert axe_violations(options) == []
