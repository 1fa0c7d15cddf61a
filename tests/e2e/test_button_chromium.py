"""The Get-help button on listed sites, in real Chromium: drawn, usable, and opening the help."""

import pytest

from harness.chromium_page import accessible_buttons, button_box, click_button, wait_for_button, wait_for_panel

pytestmark = pytest.mark.chromium


def test_button_on_listed_site(page):
    page.goto("https://discord.com/channels/1")
    box = wait_for_button(page)
    assert box["width"] >= 44 and box["height"] >= 44
    vw, vh = page.viewport_size["width"], page.viewport_size["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= vw and box["y"] >= 0 and box["y"] + box["height"] <= vh
    assert any("help" in name.lower() for name in accessible_buttons(page))


@pytest.mark.parametrize("url", ["https://www.bbc.co.uk/news", "https://www.google.com/search?q=x", "https://en.wikipedia.org/"])
def test_no_button_elsewhere(page, url):
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert button_box(page) is None
    assert not page.evaluate("() => !!document.querySelector('buoy-help')")


def test_click_opens_panel_with_uk_help(page):
    page.goto("https://www.roblox.com/home")
    click_button(page)
    panel = wait_for_panel(page)
    text = panel.inner_text("main")
    assert "Childline" in text and "0800 1111" in text and "999" in text
    panel.click("button[data-situation='picture-shared']")
    panel.wait_for_selector("main[data-situation='picture-shared']")
    text = panel.inner_text("main")
    assert "CEOP" in text and "Report Remove" in text and "0800 1111" in text and "999" in text
