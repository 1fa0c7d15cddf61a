"""Settings survive a browser restart: close the browser and start it again on the same profile, and
the button keeps the parent's corner and stays off the site they turned off. The welcome page
opens on install only: not on a restart, not on an update.

Chromium only, for now: the harness installs Buoy in Firefox as a temporary add-on over BiDi, and a
temporary add-on is gone after a restart."""

import pytest

from harness.browsers import uk_child_chromium
from harness.driver.chromium import ChromiumDriver
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium
WELCOME = "/welcome/welcome.html"
OPTIONS = ("options/options.html", "#options[data-ready] #field-country")


def start(dist, server, profile):
    """Chromium with Buoy on `profile`, behind the driver."""
    return uk_child_chromium(dist / "chromium", profile, server.port)


def welcome_count(buoy):
    return sum(url.endswith(WELCOME) for _, url in buoy.tabs())


def test_settings_survive_a_restart_and_welcome_opens_only_on_install(dist, server, tmp_path):
    with start(dist, server, tmp_path / "profile") as context:
        buoy = ChromiumDriver(context)
        wait_for(lambda: welcome_count(buoy) == 1, message="welcome page on install")
        options = buoy.open_extension_page(*OPTIONS)
        buoy.click_in(options, "#field-corner-top-left")
        buoy.click_in(options, "#site-youtube")  # off
        wait_for(lambda: (s := buoy.settings()) and s.get("corner") == "top-left" and s.get("disabledSites") == ["youtube"],
                 message="settings saved")

    with start(dist, server, tmp_path / "profile") as context:
        buoy = ChromiumDriver(context)
        options = buoy.open_extension_page(*OPTIONS)
        assert buoy.checked(options, "#field-corner-top-left") and not buoy.checked(options, "#site-youtube")
        assert welcome_count(buoy) == 0  # a restart is not an install


def test_button_follows_saved_settings_after_a_restart(dist, server, tmp_path):
    with start(dist, server, tmp_path / "profile") as context:
        buoy = ChromiumDriver(context)
        buoy.click_in(buoy.open_extension_page(*OPTIONS), "#field-corner-top-left")
        buoy.wait_for_setting("corner", "top-left")
    with start(dist, server, tmp_path / "profile") as context:
        buoy = ChromiumDriver(context)
        chat = buoy.open("https://discord.com/channels/1")
        wait_for(lambda: (b := buoy.button_box(chat)) and b["x"] < 100 and b["y"] < 100, message="button top left")
