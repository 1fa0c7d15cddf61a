"""The opt-in history cleaner in both browsers: with it on, visits to help services' domains leave
the browser history while other visits stay; with it off they stay; the toggle holds the optional
`history` permission exactly while it is on, asked for by a real click on the options page.

Firefox answers permissions.request itself (the harness accepts optional-permission prompts,
extensions.webextOptionalPermissionPrompts=false). Headless Chromium shows the prompt where nothing
can accept it (the request never settles), so its profile is set up as if the person had already
said yes: the permission is written into the profile's Preferences between two starts, and the
click's permissions.request is then answered at once."""

import json

from harness import chromium
from harness.waiting import wait_for

HELP = "https://www.childline.org.uk/get-support/"
HELP_WHILE_OFF = "https://www.childline.org.uk/info-advice/"
OTHER = "https://www.roblox.com/home"
HISTORY = "chrome.history.search({text: '', startTime: 0, maxResults: 1000}).then(items => items.map(i => i.url))"
HOLDS = "chrome.permissions.contains({permissions: ['history']})"
TOGGLE = "#field-cleanHistory"


def prepare_chromium_profile(profile):
    """The person said yes to `history` before (see above)."""
    prefs_file = profile / "Default" / "Preferences"
    prefs = json.loads(prefs_file.read_text())
    entry = prefs["extensions"]["settings"][chromium.EXTENSION_ID]
    for kind in ("active_permissions", "granted_permissions"):
        entry.setdefault(kind, {})["api"] = sorted({*entry[kind].get("api", []), "history"})
    prefs_file.write_text(json.dumps(prefs))


def visit(buoy, url):
    buoy.close(buoy.open(url))


def history(buoy):
    return buoy.extension(HISTORY)


def set_clean(buoy, value):
    buoy.extension(f"chrome.storage.sync.get('settings').then(s => chrome.storage.sync.set("
                   f"{{settings: {{...s.settings, cleanHistory: {'true' if value else 'false'}}}}}))")


def test_help_visits_leave_history_only_when_switched_on(buoy):
    options = buoy.open_extension_page("options/options.html", ready="#options[data-ready] " + TOGGLE)
    # Off in a new browser. If it ever shows on, say what Buoy found (it did once in a trial of a
    # harness that copied Firefox profiles, reverted in 66a1bdf).
    found = buoy.extension("Promise.all([chrome.storage.sync.get('settings'), chrome.permissions.getAll()])")
    assert buoy.run(options, f"document.querySelector('{TOGGLE}').checked") is False, found
    assert "Your browser will ask" in buoy.read(options, "#cleanHistory-hint")
    buoy.click_in(options, TOGGLE)  # permissions.request, from the click
    buoy.wait_for_setting("cleanHistory", True)
    wait_for(lambda: buoy.extension(HOLDS), message="history permission held")
    assert buoy.run(options, f"document.querySelector('{TOGGLE}').checked") is True

    # The control: with the permission held (history can only be read then) but the setting off,
    # a help visit stays in history, like any other.
    set_clean(buoy, False)
    visit(buoy, HELP_WHILE_OFF)
    wait_for(lambda: HELP_WHILE_OFF in history(buoy), message="help visit kept while off")
    set_clean(buoy, True)

    visit(buoy, HELP)
    visit(buoy, OTHER)
    # Visits are handled in order; once the later one is in, the help one must have gone.
    wait_for(lambda: OTHER in history(buoy), message="other visit recorded")
    wait_for(lambda: HELP not in history(buoy), message="help visit removed")
    assert OTHER in history(buoy) and HELP_WHILE_OFF in history(buoy)

    # Off again: the setting and the permission both go.
    buoy.click_in(options, TOGGLE)
    wait_for(lambda: not buoy.extension(HOLDS), message="permission given back")
    assert buoy.settings()["cleanHistory"] is False
