"""Help that starts from what is happening (issue 9), in real Chromium set up as a child's browser in
the UK, the US and Australia: each situation leads to the right service first and opens its official
page; the sextortion steps appear at a threat; on a listed site, that site's own report page opens."""

import json
import os
import shutil

import pytest

from harness import chromium
from harness.axe import axe_violations
from harness.browsers import wait_until_registered
from harness.chromium import extension_url
from harness.chromium_page import click_button, escape_from_panel, wait_for_panel
from harness.paths import ROOT

pytestmark = pytest.mark.chromium
DATA = ROOT / "extension" / "data"
HELP = json.loads((DATA / "help.json").read_text())
SITES = {s["id"]: s for s in json.loads((DATA / "sites.json").read_text())["sites"]}

# The browser each country's child has, and what the issue says must come first: the reporting route
# when someone asks for pictures, a removal tool when a picture exists, the child helpline otherwise.
COUNTRIES = {
    "GB": {"zone": "Europe/London", "lang": "en-GB", "helpline": "0800 1111", "emergency": "999",
           "first": {"wants-pictures": "ceop", "picture-shared": "report-remove", "scared": "childline-gb",
                     "saw-something": "childline-gb", "talk": "childline-gb"}},
    "US": {"zone": "America/New_York", "lang": "en-US", "helpline": "1-800-422-4453", "emergency": "911",
           "first": {"wants-pictures": "cybertipline", "picture-shared": "take-it-down", "scared": "childhelp",
                     "saw-something": "childhelp", "talk": "childhelp"}},
    "AU": {"zone": "Australia/Sydney", "lang": "en-AU", "helpline": "1800 55 1800", "emergency": "000",
           "first": {"wants-pictures": "accce", "picture-shared": "take-it-down", "scared": "kids-helpline-au",
                     "saw-something": "kids-helpline-au", "talk": "kids-helpline-au"}},
}
SEXTORTION = ["Don't pay. Don't send more.", "Stop replying. Then block and report them.",
              "Don't delete it. Never screenshot, save or send the picture.", "You are not in trouble."]


@pytest.fixture(scope="module", params=list(COUNTRIES))
def country(request, dist, server, tmp_path_factory):
    """One Chromium per country, with that country's time zone and language."""
    code = request.param
    setup = COUNTRIES[code]
    profile = tmp_path_factory.mktemp(f"chromium-{code}")
    env = {**os.environ, "TZ": setup["zone"]}
    args = [f"--lang={setup['lang']}", f"--accept-lang={setup['lang']}"]
    with chromium.launch(profile, dist / "chromium", server.port, env=env, args=args) as context:
        context.buoy_worker = chromium.service_worker(context)
        yield code, context
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def popup(country):
    """The panel as the toolbar popup shows it, opened in a tab of its own."""
    code, context = country
    page = context.new_page()
    page.goto(extension_url("panel/panel.html"))
    assert page.wait_for_selector("main[data-country]").get_attribute("data-country") == code
    yield page
    page.close()


def choose(panel, situation):
    panel.click(f"button[data-situation='{situation}']")
    panel.wait_for_selector(f"main[data-situation='{situation}']")


def opened_tab(context, panel, selector):
    """Click, and return the URL of the tab the extension opens."""
    with context.expect_page() as info:
        panel.click(selector)
    tab = info.value
    tab.wait_for_load_state("domcontentloaded")
    url = tab.url
    tab.close()
    return url


def one_tap_help(panel, code):
    bar = panel.inner_text(".help-bar")
    assert COUNTRIES[code]["helpline"] in bar and COUNTRIES[code]["emergency"] in bar
    assert panel.get_attribute(".help-bar a.emergency", "href") == f"tel:{COUNTRIES[code]['emergency']}"


def test_home_asks_what_is_happening(popup, country):
    code, _ = country
    assert popup.inner_text("h1") == "What is happening?"
    assert popup.evaluate("document.activeElement.tagName") == "H1"
    labels = popup.locator("button[data-situation]")
    assert labels.count() == 5
    assert "Someone wants pictures or videos of me" in labels.all_inner_texts()
    for i in range(5):
        box = labels.nth(i).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        assert labels.nth(i).locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    one_tap_help(popup, code)
    assert "It's not your fault. You're not in trouble." in popup.inner_text("main")


def test_each_situation_leads_to_the_right_service_first(popup, country):
    code, context = country
    for situation, first in COUNTRIES[code]["first"].items():
        choose(popup, situation)
        assert popup.evaluate("document.activeElement.tagName") == "H1"
        assert popup.locator(".steps li").count() >= 3
        card = popup.locator(".first-service .card")
        assert card.get_attribute("data-service-id") == first, situation
        assert HELP["services"][first]["name"]["en"] in card.inner_text()
        one_tap_help(popup, code)
        assert "It's not your fault. You're not in trouble." in popup.inner_text("main")
        url = opened_tab(context, popup, f".first-service button[data-service='{first}']:not([data-contact])")
        assert url == HELP["services"][first]["url"], situation
        # No listed site behind the popup's own tab: no site report button.
        assert popup.locator(".site-report").count() == 0
        popup.click("button.back")
        popup.wait_for_selector("main[data-screen='home']")


def test_a_threat_to_share_a_picture_shows_the_sextortion_steps(popup, country):
    code, _ = country
    choose(popup, "picture-shared")
    steps = popup.inner_text(".steps")
    for words in SEXTORTION:
        assert words in steps
    if code == "AU":  # the ACCCE and eSafety: keep the chat and their name before blocking
        assert steps.index("Keep the chat") < steps.index("block and report")


def test_back_returns_home_with_focus_on_the_heading(popup):
    popup.focus("button[data-situation='talk']")
    popup.keyboard.press("Enter")
    popup.wait_for_selector("main[data-situation='talk']")
    assert popup.locator("button.back").bounding_box()["height"] >= 44
    popup.click("button.back")
    popup.wait_for_selector("main[data-screen='home']")
    assert popup.evaluate("document.activeElement.textContent") == "What is happening?"


def test_home_and_a_situation_are_axe_clean(popup):
    assert axe_violations(popup) == []
    choose(popup, "picture-shared")
    assert axe_violations(popup) == []


def test_the_sites_own_report_page_on_a_listed_site(country):
    _, context = country
    wait_until_registered(context.buoy_worker)
    page = context.new_page()
    try:
        page.goto("https://discord.com/channels/1")
        click_button(page)
        panel = wait_for_panel(page)
        choose(panel, "scared")
        section = panel.wait_for_selector(".site-report")
        assert "How to block and report them on this site" in section.inner_text()
        assert "Discord" in section.inner_text()
        assert axe_violations(panel) == []
        url = opened_tab(context, panel, ".site-report button[data-site='discord']")
        assert url == SITES["discord"]["report"]["url"]
        # Escape still closes the in-page panel from a situation screen.
        page.bring_to_front()
        escape_from_panel(page, panel)
    finally:
        page.close()
