"""Buoy in a real chat app (issue 5): The Lounge on a loopback IRC server, served as discord.com.
The button appears, survives the app's own rendering while another IRC client floods the channel,
opens the help, and leaves the app as it was: the same layout, styles and globals as the same app
under a host Buoy doesn't run on, no console errors, and focus kept in the app's text box."""

import shutil

import pytest

from harness import chromium
from harness.browsers import uk_child, wait_until_registered
from harness.chromium_page import button_box, click_button, wait_for_button, wait_for_panel
from harness.hostile import clip_around, drawn_button, expected_box
from harness.lounge import run_lounge
from harness.page_probe import GLOBAL_NAMES, LAYOUT_AND_STYLES
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium

LISTED, UNLISTED = "discord.com", "chat.example.org"  # both are The Lounge; Buoy runs on the first only


@pytest.fixture(scope="module")
def lounge_browser(dist, server, tmp_path_factory):
    """The Lounge, and a Chromium with this module's own build of Buoy that reaches it under two names."""
    profile = tmp_path_factory.mktemp("profile")
    with run_lounge(tmp_path_factory.mktemp("lounge")) as lounge:
        hosts = {LISTED: lounge.port, UNLISTED: lounge.port}
        with chromium.launch(profile, dist / "chromium", server.port, extra_hosts=hosts, **uk_child()) as context:
            wait_until_registered(chromium.service_worker(context))
            yield lounge, context
    shutil.rmtree(profile, ignore_errors=True)


def open_lounge(context, host):
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(f"https://{host}/")
    page.locator("#connect button[type=submit]").wait_for()
    return page


def drawn_where_expected(page):
    box = button_box(page)
    viewport = page.viewport_size["width"], page.viewport_size["height"]
    if box != expected_box(viewport):
        return None
    return box if drawn_button(page.screenshot(clip=clip_around(box), scale="css")) else None


def test_the_app_looks_and_behaves_the_same_with_buoy(lounge_browser):
    _, context = lounge_browser
    with_buoy, without = open_lounge(context, LISTED), open_lounge(context, UNLISTED)
    wait_for_button(with_buoy)
    assert button_box(without) is None
    baseline = without.evaluate(LAYOUT_AND_STYLES)
    assert len(baseline["elements"]) > 20 and with_buoy.evaluate(LAYOUT_AND_STYLES) == baseline
    assert with_buoy.evaluate(GLOBAL_NAMES) == without.evaluate(GLOBAL_NAMES)
    assert with_buoy.errors == without.errors == []
    for page in (with_buoy, without):
        page.close()


def test_button_survives_the_apps_rendering_and_opens_help(lounge_browser):
    lounge, context = lounge_browser
    page = open_lounge(context, LISTED)
    lounge.connect(page)
    wait_for(lambda: drawn_where_expected(page), message="button drawn")
    page.click("#input")
    lounge.flood(150, per_second=100, nick="crowd")
    lounge.say("last line", nick="stranger")
    page.locator('#chat .messages .msg[data-type="message"][data-from="stranger"]', has_text="last line").wait_for()
    assert page.locator("#chat .messages .msg[data-type='message'][data-from='crowd']").count() == 150  # the app rendered them all
    assert wait_for(lambda: drawn_where_expected(page), message="button still drawn")
    assert page.evaluate("[document.querySelectorAll('buoy-help').length, document.activeElement.id]") == [1, "input"]
    page.keyboard.type("still typing")
    assert page.input_value("#input") == "still typing"

    click_button(page)
    text = wait_for_panel(page).inner_text("main")
    assert "Childline" in text and "0800 1111" in text and "999" in text
    assert page.errors == [] and lounge.blocked() == []
