"""The panel is usable with a keyboard and a screen reader, in both browsers: axe-core finds nothing."""

from harness.axe import axe_violations


def test_popup_panel_is_axe_clean(buoy):
    page = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    assert axe_violations(buoy, page) == []


def test_in_page_panel_is_axe_clean(buoy):
    panel = buoy.open_panel(buoy.open("https://discord.com/app"))
    assert axe_violations(buoy, panel) == []
