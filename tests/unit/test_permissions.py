"""Buoy's exact permission set, per browser. Any new permission, host, script, exposed file or
shortcut fails here until it is added below with its reason: each one is a decision (issue 5)."""

import json

import pytest

from build.manifest import BROWSERS, host_patterns, make_manifest
from harness.paths import ROOT

SOURCE = json.loads((ROOT / "extension" / "manifest.json").read_text())
SITES = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())

# Every entry with the one-line reason it is needed. Both browsers get the same set.
PERMISSIONS = {
    "storage": "settings and the button's look, kept on the device (local, session and managed areas)",
    "scripting": "registers the button's content script on exactly the enabled sites, and adds it to open tabs",
    "tts": "Read it to me: speaks the panel with the device's own voices (remote === false only); no warning shown",
}
CHROMIUM_ONLY = {"tts": "Firefox has no chrome.tts; it reads aloud with speechSynthesis, which needs no permission"}
OPTIONAL_PERMISSIONS = {
    "history": "quick exit can remove help-site visits from history, only after a parent switches it on",
}
OPTIONAL_HOST_PERMISSIONS = {
    "https://*/*": "a parent's own extra sites: the options page asks for each site's origins alone, when added",
}
WEB_ACCESSIBLE_RESOURCES = {
    ("panel/*", "https://*/*"): "the in-page panel is an extension-origin frame, so the page can't read or fake it",
    # content/nudge-watch.js imports the nudge engine on demand (a content script can't be a module):
    ("nudge/engine.js", "https://*/*"): "nudges: the engine the watcher imports when new chat text first appears",
    ("nudge/match.js", "https://*/*"): "nudges: imported by nudge/engine.js",
    ("nudge/normalise.js", "https://*/*"): "nudges: imported by nudge/match.js",
    ("nudge/prompt.js", "https://*/*"): "nudges: the prompt's code, imported by the button on the first nudge only",
    ("data/nudges.js", "https://*/*"): "nudges: the rules, imported by nudge/engine.js (public data, no secrets)",
}
COMMANDS = {
    "_execute_action": "a keyboard shortcut opens the toolbar panel on any page, even where the button is hidden",
}
CONTENT_SCRIPTS = {}  # none declared: background/button-scripts.js registers the button for enabled sites only
# Keys that would let web pages or other extensions reach Buoy, or change the browser: none is used.
NEVER = ["externally_connectable", "declarative_net_request", "chrome_url_overrides", "chrome_settings_overrides",
         "devtools_page", "oauth2", "update_url", "sandbox"]


@pytest.fixture(params=BROWSERS)
def manifest(request):
    return make_manifest(SOURCE, SITES, request.param)


def test_permissions(manifest):
    chromium = "key" in manifest
    assert manifest["permissions"] == [p for p in PERMISSIONS if chromium or p not in CHROMIUM_ONLY]


def test_optional_permissions(manifest):
    assert manifest.get("optional_permissions", []) == list(OPTIONAL_PERMISSIONS)


def test_host_permissions_are_the_listed_sites_only(manifest):
    # The decision for each host is its entry in sites.json (checked by build/data_rules/sites.py).
    assert manifest["host_permissions"] == host_patterns(SITES)
    assert all(p.startswith("https://") and p.endswith("/*") and "*" not in p[len("https://*."):-2]
               for p in manifest["host_permissions"])


def test_optional_host_permissions(manifest):
    assert manifest.get("optional_host_permissions", []) == list(OPTIONAL_HOST_PERMISSIONS)


def test_web_accessible_resources(manifest):
    exposed = [(r, m) for entry in manifest.get("web_accessible_resources", [])
               for r in entry["resources"] for m in entry["matches"]]
    assert exposed == list(WEB_ACCESSIBLE_RESOURCES)
    assert all(set(entry) == {"resources", "matches"} for entry in manifest["web_accessible_resources"])


def test_commands(manifest):
    assert list(manifest.get("commands", {})) == list(COMMANDS)


def test_no_declared_content_scripts_or_other_doors(manifest):
    assert manifest.get("content_scripts", []) == list(CONTENT_SCRIPTS)
    assert [key for key in NEVER if key in manifest] == []


def test_content_script_registration_is_for_the_button_only():
    # The scripts that run in web pages, registered by the background: the button (after its words
    # and, if the parent chose one, its look), and the nudge watcher beside it while nudges are on
    # (issue 11), nothing else.
    source = (ROOT / "extension" / "background" / "button-scripts.js").read_text()
    assert '"content/button.js"' in source and '"content/nudge-watch.js"' in source
    scripts = sorted(p.relative_to(ROOT / "extension").as_posix() for p in (ROOT / "extension" / "content").rglob("*.js"))
    assert scripts == ["content/button.js", "content/look/bottom-left.js", "content/look/large.js",
                       "content/look/top-left.js", "content/look/top-right.js", "content/nudge-watch.js"]
