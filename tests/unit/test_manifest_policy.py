"""The school-policy parts of the manifest: Chromium gets the managed-storage schema, Firefox doesn't."""

import json
from pathlib import Path

from build.manifest import make_manifest

ROOT = Path(__file__).parent.parent.parent
SOURCE = json.loads((ROOT / "extension" / "manifest.json").read_text())
SITES = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())
SCHEMA = json.loads((ROOT / "extension" / "managed_schema.json").read_text())
POLICY_KEYS = ["country", "extraSites", "disabledSites", "size", "corner", "nudges", "locked"]  # lib/settings-store.js


def test_chromium_manifest_points_at_the_managed_schema():
    manifest = make_manifest(SOURCE, SITES, "chromium")
    assert manifest["storage"]["managed_schema"] == "managed_schema.json"


def test_firefox_manifest_has_no_chromium_only_storage_key():
    manifest = make_manifest(SOURCE, SITES, "firefox")
    assert "storage" not in manifest
    assert "storage" in SOURCE  # dropped by the build, not missing from the source


def test_schema_lists_exactly_the_policy_keys_the_extension_reads():
    store = (ROOT / "extension" / "lib" / "settings-store.js").read_text()
    assert all(f'"{key}"' in store for key in POLICY_KEYS)
    assert sorted(SCHEMA["properties"]) == sorted(POLICY_KEYS)
    assert SCHEMA["type"] == "object"


def test_options_page_opens_in_a_tab():
    assert SOURCE["options_ui"] == {"page": "options/options.html", "open_in_tab": True}
