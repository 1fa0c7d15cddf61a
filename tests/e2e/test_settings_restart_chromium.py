"""Settings survive a browser restart: close Chromium and start it again on the same profile, and
the button keeps the parent's corner and stays off the site they turned off. The welcome page
opens on install only: not on a restart, not on an update."""

import pytest

from harness import chromium
from harness.browsers import uk_child, wait_until_registered
from harness.chromium_page import button_box
from harness.settings_pages import open_options, stored
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium


def welcome_count(context):
    return sum(p.url.endswith("/welcome/welcome.html") for p in context.pages)


def test_settings_survive_a_restart_and_welcome_opens_only_on_install(dist, server, tmp_path):
    profile = tmp_path / "profile"
    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        worker = chromium.service_worker(context)
        wait_until_registered(worker)
        wait_for(lambda: welcome_count(context) == 1, message="welcome page on install")
        options = open_options(context)
        options.check("#field-corner-top-left")
        options.uncheck("#site-youtube")
        wait_for(lambda: (s := stored(worker)) and s.get("corner") == "top-left" and s.get("disabledSites") == ["youtube"],
                 message="settings saved")

    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        options = open_options(context)
        assert options.is_checked("#field-corner-top-left") and not options.is_checked("#site-youtube")
        assert welcome_count(context) == 0  # a restart is not an install


def test_button_follows_saved_settings_after_a_restart(dist, server, tmp_path):
    profile = tmp_path / "profile"
    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        wait_until_registered(chromium.service_worker(context))
        options = open_options(context)
        options.check("#field-corner-top-left")
        wait_for(lambda: options.evaluate("chrome.storage.sync.get('settings').then(r => r.settings?.corner)") == "top-left",
                 message="saved")
    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        chat = context.new_page()
        chat.goto("https://discord.com/channels/1")
        wait_for(lambda: (b := button_box(chat)) and b["x"] < 100 and b["y"] < 100, timeout=5, message="button top left")

