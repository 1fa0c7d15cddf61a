"""Buoy at phone width (Firefox for Android is declared in the manifest), in both browsers: at 360
and 412 CSS px (Chromium's device emulation with touch; Firefox ESR's viewport set over WebDriver
BiDi, with touch pointers), the button is drawn inside the screen and a tap opens the panel, which
fits the screen with nothing to scroll sideways, and a tap inside it works. What this can't show
(a real phone's browser chrome, keyboard, Firefox for Android itself) is listed in the README."""

import pytest

PHONES = {"360x780": (360, 780), "412x915": (412, 915)}
# The fixture chat asks for the device's width, as chat sites' mobile pages do.
CHAT = "https://discord.com/channels/lobby"
FIRST_SITUATION = """() => { const r = document.querySelector('button[data-situation]').getBoundingClientRect();
                             return [r.x + r.width / 2, r.y + r.height / 2]; }"""


@pytest.mark.parametrize("phone", PHONES)
def test_button_and_panel_at_phone_width_with_touch(buoy, phone):
    width, height = PHONES[phone]
    tab = buoy.open_phone(CHAT, width, height)
    assert buoy.run(tab, "innerWidth") == width

    box = buoy.wait_for_button(tab)
    assert box["width"] >= 44 and box["height"] >= 44  # a child's fingertip
    assert box["x"] >= 0 and box["x"] + box["width"] <= width and box["y"] + box["height"] <= height

    buoy.tap(tab, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    panel = buoy.wait_for_panel(tab)
    frame = buoy.frame_box(tab, panel)
    assert frame["x"] >= 0 and frame["right"] <= width and frame["bottom"] <= height, frame
    assert buoy.run(panel, "document.documentElement.scrollWidth <= innerWidth"), "the panel scrolls sideways"

    buoy.tap(panel, *buoy.call(panel, FIRST_SITUATION))  # a tap inside the panel: the first situation's steps
    buoy.wait_for_selector(panel, "main[data-situation]", message="a tap in the panel opened a situation")
    assert buoy.run(panel, "document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.only("chromium", reason="Firefox's BiDi has no touch emulation: desktop Firefox at phone size has a fine pointer")
def test_the_phone_is_a_touch_screen(buoy):
    tab = buoy.open_phone(CHAT, *PHONES["360x780"])
    assert buoy.run(tab, "[matchMedia('(pointer: coarse)').matches, navigator.maxTouchPoints > 0]") == [True, True]
