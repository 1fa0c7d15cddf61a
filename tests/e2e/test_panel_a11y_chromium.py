"""The panel is usable with a keyboard and a screen reader: axe-core finds nothing."""

import pytest

from harness.axe import axe_violations
from harness.chromium import extension_url
from harness.chromium_page import click_button, wait_for_panel

pytestmark = pytest.mark.chromium


def test_popup_panel_is_axe_clean(page):
    page.goto(extension_url("panel/panel.html"))
    page.wait_for_selector("main[data-country]")
    assert axe_violations(page) == []


def test_in_page_panel_is_axe_clean(page):
    page.goto("https://discord.com/app")
    click_button(page)
    assert axe_violations(wait_for_panel(page)) == []
