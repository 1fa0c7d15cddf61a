"""The welcome page in real Chromium: opened by the install itself, says plainly what Buoy does and
doesn't do, shows the country it picked and the real panel, saves choices at once, loads nothing
from the network, and axe-core finds nothing."""

import pytest

from harness.axe import axe_violations
from harness.settings_pages import reset, stored
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium


def welcome_tabs(context):
    return [p for p in context.pages if p.url.endswith("/welcome/welcome.html")]


@pytest.fixture(scope="module")
def welcome(browser):
    page = wait_for(lambda: welcome_tabs(browser), message="welcome page opened on install")[0]
    page.wait_for_selector("#choices[data-ready] #field-country")
    yield page
    reset(browser.buoy_worker)


def test_install_opens_exactly_one_welcome_page(browser, welcome):
    assert len(welcome_tabs(browser)) == 1


def test_says_what_buoy_does_and_does_not_do(welcome):
    text = welcome.inner_text("body")
    assert "Nothing leaves this device" in text
    assert "tells no one" in text
    assert "Nudges are on at first" in text and "only at new chat messages" in text


def test_shows_the_country_it_picked_and_the_real_panel(welcome):
    assert welcome.inner_text("#country-picked") == "Buoy chose the help for United Kingdom."
    panel = wait_for(lambda: next((f for f in welcome.frames if "/panel/panel.html?in=preview" in f.url), None), message="panel preview")
    panel.wait_for_selector("main[data-country='GB']")
    assert "Childline" in panel.inner_text("main")


def test_choices_save_at_once_and_move_the_preview_button(browser, welcome):
    welcome.check("#field-corner-top-left")
    wait_for(lambda: welcome.get_attribute("#fake-button", "data-corner") == "top-left", message="preview moved")
    assert stored(browser.buoy_worker)["corner"] == "top-left"
    welcome.select_option("#field-country", "CA")
    wait_for(lambda: "Canada" in welcome.inner_text("#country-picked"), message="country shown")


def test_loads_nothing_from_the_network(server, welcome):
    before = len(server.requests)
    welcome.reload()
    welcome.wait_for_selector("#choices[data-ready] #field-country")
    next(f for f in welcome.frames if "/panel/panel.html" in f.url).wait_for_selector("main[data-country]")
    assert server.requests[before:] == []


def test_welcome_page_is_axe_clean(welcome):
    assert axe_violations(welcome) == []
