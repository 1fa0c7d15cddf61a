"""The opt-in history cleaner in real Chromium: with it on, visits to help services' domains leave
the browser history while other visits stay; with it off they stay; the toggle holds the optional
`history` permission exactly while it is on.

Headless Chromium shows permissions.request's prompt where nothing can accept it (the request
never settles), so the profile is set up as if the person had already said yes: the permission is
written into the profile's Preferences between two launches. Clicking the toggle then really calls
permissions.request, which Chromium answers at once for a permission already held. The prompt
itself is accepted in Firefox (test_history_cleaner_firefox.py)."""

import json
import shutil

import pytest

from harness import chromium
from harness.browsers import uk_child, wait_until_registered
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium

HELP = "https://www.childline.org.uk/get-support/"
HELP_BEFORE = "https://www.childline.org.uk/info-advice/"
OTHER = "https://www.roblox.com/home"


def grant_history(profile):
    prefs_file = profile / "Default" / "Preferences"
    prefs = json.loads(prefs_file.read_text())
    entry = prefs["extensions"]["settings"][chromium.EXTENSION_ID]
    for kind in ("active_permissions", "granted_permissions"):
        entry.setdefault(kind, {})["api"] = sorted({*entry[kind].get("api", []), "history"})
    prefs_file.write_text(json.dumps(prefs))


@pytest.fixture(scope="module")
def browser(dist, server, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        wait_until_registered(chromium.service_worker(context))  # installed: its Preferences entry exists
    grant_history(profile)
    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        context.buoy_worker = chromium.service_worker(context)
        yield context
    shutil.rmtree(profile, ignore_errors=True)


def history_urls(browser):
    return browser.buoy_worker.evaluate(
        "chrome.history.search({text: '', startTime: 0, maxResults: 1000}).then(items => items.map(i => i.url))")


def holds_history(browser):
    return browser.buoy_worker.evaluate("chrome.permissions.contains({permissions: ['history']})")


def visit(browser, url):
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("load")
    page.close()


def test_help_visits_leave_history_only_when_switched_on(browser):
    assert holds_history(browser)
    # Off (the default): a help site stays in history, like any other.
    visit(browser, HELP_BEFORE)
    wait_for(lambda: HELP_BEFORE in history_urls(browser), message="help visit recorded while off")

    options = browser.new_page()
    options.goto(chromium.extension_url("options/options.html"))
    toggle = options.locator("#field-cleanHistory")
    assert not toggle.is_checked()
    assert "Your browser will ask" in options.inner_text("#cleanHistory-hint")
    toggle.click()  # permissions.request, from the click
    wait_for(lambda: browser.buoy_worker.evaluate(
        "chrome.storage.sync.get('settings').then(s => s.settings?.cleanHistory === true)"), message="saved on")
    assert toggle.is_checked() and holds_history(browser)

    visit(browser, HELP)
    visit(browser, OTHER)
    # Visits are handled in order; once the later one is in, the help one must have gone.
    wait_for(lambda: OTHER in history_urls(browser), message="other visit recorded")
    wait_for(lambda: HELP not in history_urls(browser), message="help visit removed")
    assert OTHER in history_urls(browser) and HELP_BEFORE in history_urls(browser)

    # Off again: the setting and the permission both go.
    toggle.click()
    wait_for(lambda: not holds_history(browser), message="permission given back")
    assert browser.buoy_worker.evaluate("chrome.storage.sync.get('settings').then(s => s.settings.cleanHistory)") is False
    options.close()
