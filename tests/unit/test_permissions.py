"""Buoy's exact permission set, per browser. Any new permission, host, script, exposed file or
shortcut fails here until build/store/permission_reasons.json gives its reason: each one is a
decision (issue 5), and the same reasons are the stores' justifications (build/store_listing.py)."""

import json

import pytest

from build.manifest import BROWSERS, host_patterns, make_manifest
from build.permission_reasons import host_reasons, justify, load_reasons
from harness.paths import ROOT

SOURCE = json.loads((ROOT / "extension" / "manifest.json").read_text())
SITES = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())
REASONS = load_reasons()
CONTENT_SCRIPTS = []  # none declared: background/button-scripts.js registers the button for enabled sites only
# Keys that would let web pages or other extensions reach Buoy, or change the browser: none is used.
NEVER = ["externally_connectable", "declarative_net_request", "chrome_url_overrides", "chrome_settings_overrides",
         "devtools_page", "oauth2", "update_url", "sandbox"]


@pytest.fixture(params=BROWSERS)
def manifest(request):
    return make_manifest(SOURCE, SITES, request.param)


def test_permissions(manifest):
    chromium = "key" in manifest
    assert manifest["permissions"] == [p for p in REASONS["permissions"] if chromium or p not in REASONS["chromium_only"]]


def test_optional_permissions(manifest):
    assert manifest.get("optional_permissions", []) == list(REASONS["optional_permissions"])


def test_host_permissions_are_the_listed_sites_only(manifest):
    # The decision for each host is its entry in sites.json (checked by build/data_rules/sites.py).
    assert manifest["host_permissions"] == host_patterns(SITES)
    assert all(p.startswith("https://") and p.endswith("/*") and "*" not in p[len("https://*."):-2]
               for p in manifest["host_permissions"])


def test_every_host_has_its_sites_reason(manifest):
    reasons = host_reasons(SITES, REASONS)
    assert sorted(reasons) == manifest["host_permissions"]
    discord = next(r for p, r in reasons.items() if p == "https://discord.com/*")
    assert "on Discord:" in discord


def test_optional_host_permissions(manifest):
    assert manifest.get("optional_host_permissions", []) == list(REASONS["optional_host_permissions"])


def test_web_accessible_resources(manifest):
    exposed = [(r, m) for entry in manifest.get("web_accessible_resources", [])
               for r in entry["resources"] for m in entry["matches"]]
    assert exposed == [(r["resource"], r["matches"]) for r in REASONS["web_accessible_resources"]]
    assert all(set(entry) == {"resources", "matches"} for entry in manifest["web_accessible_resources"])


def test_commands(manifest):
    assert list(manifest.get("commands", {})) == list(REASONS["commands"])


def test_every_declared_entry_has_a_reason(manifest):
    justified = justify(manifest, SITES, REASONS)
    assert all(len(j["reason"]) > 20 for j in justified)
    assert {j["kind"] for j in justified} >= {"permission", "optional permission", "host", "optional host",
                                               "exposed file", "shortcut"}


def test_an_entry_without_a_reason_is_named():
    manifest = {"permissions": ["storage", "tabs"], "host_permissions": ["https://example.org/*"]}
    with pytest.raises(ValueError, match="permission tabs, host https://example.org/"):
        justify(manifest, SITES, REASONS)


def test_no_declared_content_scripts_or_other_doors(manifest):
    assert manifest.get("content_scripts", []) == CONTENT_SCRIPTS
    assert [key for key in NEVER if key in manifest] == []


def test_content_script_registration_is_for_the_button_only():
    # The scripts that run in web pages, registered by the background: the button (after its words
    # and its look, content/look/*.js, which the build writes), and the nudge watcher beside it while
    # nudges are on (issue 11), nothing else. content/nudge-read.js is the watcher's reading, which it
    # imports; content/button-press.js is what only a press needs, which the button imports.
    source = (ROOT / "extension" / "background" / "button-scripts.js").read_text()
    assert '"content/button.js"' in source and '"content/nudge-watch.js"' in source
    scripts = sorted(p.relative_to(ROOT / "extension").as_posix() for p in (ROOT / "extension" / "content").rglob("*.js"))
    assert scripts == ["content/button-press.js", "content/button.js", "content/nudge-read.js", "content/nudge-watch.js"]
