"""Helpers for Buoy's parent pages (options, welcome) and its stored settings in real Chromium."""

from harness.chromium import extension_url
from harness.waiting import wait_for


def open_options(context):
    page = context.new_page()
    page.goto(extension_url("options/options.html"))
    page.wait_for_selector("#options[data-ready] #field-country")
    return page


def stored(worker):
    return worker.evaluate("chrome.storage.sync.get('settings').then(r => r.settings ?? null)")


def reset(worker):
    """Back to the defaults, and wait until the background has put the button back everywhere."""
    worker.evaluate("chrome.storage.sync.remove('settings')")
    wait_for(lambda: worker.evaluate("""chrome.scripting.getRegisteredContentScripts()
        .then(([s]) => Boolean(s) && s.matches.includes('https://discord.com/*') && s.matches.includes('https://youtube.com/*'))"""),
        message="default sites registered again")
    wait_for(lambda: worker.evaluate("""chrome.scripting.getRegisteredContentScripts({ids: ['buoy-button']})
        .then(([s]) => Boolean(s) && !s.js.some((file) => file.includes('/look/')))"""),
             message="default look registered again")
