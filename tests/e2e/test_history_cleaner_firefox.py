"""The opt-in history cleaner in Firefox ESR, through the real permission request: the harness
accepts optional-permission prompts (extensions.webextOptionalPermissionPrompts=false), so a click
on the options page's toggle really asks for, and gets, the `history` permission."""

import shutil

import pytest

from harness.firefox_page import click_in
from harness.waiting import wait_for

pytestmark = [
    pytest.mark.firefox,
    pytest.mark.skipif(not shutil.which("firefox-esr"), reason="firefox-esr not installed"),
]

HELP = "https://www.childline.org.uk/get-support/"
HELP_WHILE_OFF = "https://www.childline.org.uk/info-advice/"
OTHER = "https://www.roblox.com/home"
HISTORY = "browser.history.search({text: '', startTime: 0, maxResults: 1000}).then(items => items.map(i => i.url))"
HOLDS = "browser.permissions.contains({permissions: ['history']})"


def set_clean(ff, context, value):
    ff.evaluate(context, "browser.storage.sync.get('settings').then(s => browser.storage.sync.set("
                         f"{{settings: {{...s.settings, cleanHistory: {'true' if value else 'false'}}}}}))")


def visit(ff, url):
    tab = ff.new_tab(url)
    ff.close_tab(tab)


def test_toggle_asks_for_history_and_help_visits_leave_it(firefox):
    options = firefox.open_extension_page("options/options.html")
    wait_for(lambda: firefox.evaluate(options, "!!document.getElementById('field-cleanHistory')"), message="options page")
    assert firefox.evaluate(options, HOLDS) is False  # nothing asked for until switched on
    click_in(firefox, options, "#field-cleanHistory")
    wait_for(lambda: firefox.evaluate(options, HOLDS), message="history permission granted")
    wait_for(lambda: firefox.evaluate(options, "browser.storage.sync.get('settings').then(s => s.settings?.cleanHistory)"),
             message="saved on")

    # The control: with the permission held but the setting off, a help visit stays in history.
    set_clean(firefox, options, False)
    visit(firefox, HELP_WHILE_OFF)
    wait_for(lambda: HELP_WHILE_OFF in firefox.evaluate(options, HISTORY), message="help visit kept while off")
    set_clean(firefox, options, True)

    visit(firefox, HELP)
    visit(firefox, OTHER)
    wait_for(lambda: OTHER in firefox.evaluate(options, HISTORY), message="other visit recorded")
    wait_for(lambda: HELP not in firefox.evaluate(options, HISTORY), message="help visit removed")
    assert OTHER in firefox.evaluate(options, HISTORY) and HELP_WHILE_OFF in firefox.evaluate(options, HISTORY)

    click_in(firefox, options, "#field-cleanHistory")
    wait_for(lambda: not firefox.evaluate(options, HOLDS), message="permission given back")
    firefox.close_tab(options)
