"""The welcome page in both browsers: opened by the install itself, says plainly what Buoy does and
doesn't do, shows the country it picked and the real panel, saves choices at once, loads nothing
from the network, and axe-core finds nothing."""

import pytest

from harness.axe import axe_violations
from harness.waiting import wait_for

OWN_BROWSER = "the welcome page the install itself opens"

WELCOME = "/welcome/welcome.html"
READY = "#choices[data-ready] #field-country"


@pytest.fixture(scope="module")
def welcome(driver):
    tab = driver.find_tab(WELCOME)  # opened on install
    driver.wait_for_selector(tab, READY)
    yield tab
    driver.reset_settings()


def test_install_opens_exactly_one_welcome_page(buoy, welcome):
    assert len([url for _, url in buoy.tabs() if url.endswith(WELCOME)]) == 1


def test_says_what_buoy_does_and_does_not_do(buoy, welcome):
    text = buoy.read(welcome, "body")
    assert "Nothing leaves this device" in text
    assert "tells no one" in text
    assert "Nudges are on at first" in text and "only at new chat messages" in text


def test_shows_the_country_it_picked_and_the_real_panel(buoy, welcome):
    assert buoy.read(welcome, "#country-picked") == "Buoy chose the help for United Kingdom."
    panel = wait_for(lambda: buoy.frame(welcome, "/panel/panel.html?in=preview"), message="panel preview")
    buoy.wait_for_selector(panel, "main[data-country='GB']")
    assert "Childline" in buoy.read(panel, "main")


def test_choices_save_at_once_and_move_the_preview_button(buoy, welcome):
    buoy.click_in(welcome, "#field-corner-top-left")
    wait_for(lambda: buoy.run(welcome, "document.querySelector('#fake-button').dataset.corner") == "top-left",
             message="preview moved")
    buoy.wait_for_setting("corner", "top-left")
    buoy.choose(welcome, "#field-country", "CA")
    wait_for(lambda: "Canada" in buoy.read(welcome, "#country-picked"), message="country shown")
    # The preview panel is shown again, now with Canada's help.
    panel = wait_for(lambda: buoy.frame(welcome, "/panel/panel.html?in=preview"), message="panel preview")
    buoy.wait_for_selector(panel, "main[data-country='CA']")


def test_loads_nothing_from_the_network(buoy, server, welcome):
    before = len(server.requests)
    buoy.goto(welcome, buoy.extension_url("welcome/welcome.html"))
    buoy.wait_for_selector(welcome, READY)
    buoy.wait_for_selector(wait_for(lambda: buoy.frame(welcome, "/panel/panel.html"), message="panel preview"),
                           "main[data-country]")
    assert server.requests[before:] == []


def test_welcome_page_is_axe_clean(buoy, welcome):
    assert axe_violations(buoy, welcome) == []
