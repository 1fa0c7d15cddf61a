"""Settings survive a browser restart, in both browsers: close the browser and start it again on the
same profile, and the button keeps the parent's corner and stays off the site they turned off. The
welcome page opens on install only: not on a restart. (Firefox installs Buoy for good here, as a
person does: a temporary add-on, as the other modules use, would be gone after the restart.)"""

from harness.driver.start import start_driver
from harness.waiting import wait_for

WELCOME = "/welcome/welcome.html"
OPTIONS = ("options/options.html", "#options[data-ready] #field-country")


def start(kind, dist, server, tmp_path):
    return start_driver(kind, dist, server.port, tmp_path / "profile", restartable=True)


def change(buoy, selector, name, value):
    """A parent's change on the options page, saved."""
    options = buoy.open_extension_page(*OPTIONS)
    buoy.click_in(options, selector)
    buoy.wait_for_setting(name, value)
    buoy.close(options)


def welcome_count(buoy):
    return sum(url.endswith(WELCOME) for _, url in buoy.tabs())


def test_settings_survive_a_restart_and_welcome_opens_only_on_install(kind, dist, server, tmp_path):
    with start(kind, dist, server, tmp_path) as buoy:
        wait_for(lambda: welcome_count(buoy) == 1, message="welcome page on install")
        change(buoy, "#field-corner-top-left", "corner", "top-left")
        change(buoy, "#site-youtube", "disabledSites", ["youtube"])  # off

    with start(kind, dist, server, tmp_path) as buoy:
        options = buoy.open_extension_page(*OPTIONS)
        assert buoy.checked(options, "#field-corner-top-left") and not buoy.checked(options, "#site-youtube")
        assert welcome_count(buoy) == 0  # a restart is not an install
        chat = buoy.open("https://discord.com/channels/1")
        wait_for(lambda: (b := buoy.button_box(chat)) and b["x"] < 100 and b["y"] < 100, message="button top left")
