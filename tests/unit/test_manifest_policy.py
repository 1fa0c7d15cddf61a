"""The school-policy parts of the manifest: Chromium gets the managed-storage schema, Firefox doesn't."""

import json
import re
from pathlib import Path

from build.manifest import make_manifest

ROOT = Path(__file__).parent.parent.parent
SOURCE = json.loads((ROOT / "extension" / "manifest.json").read_text())
SITES = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())
SCHEMA = json.loads((ROOT / "extension" / "managed_schema.json").read_text())
# The keys the extension reads from a school's policy, as lib/settings-store.js writes them (its one place).
POLICY_KEYS = json.loads(re.search(r"export const POLICY_KEYS = (\[[^\]]*\]);",
                                   (ROOT / "extension" / "lib" / "settings-store.js").read_text())[1])


def test_chromium_manifest_points_at_the_managed_schema():
    manifest = make_manifest(SOURCE, SITES, "chromium")
    assert manifest["storage"]["managed_schema"] == "managed_schema.json"


def test_firefox_manifest_has_no_chromium_only_storage_key():
    manifest = make_manifest(SOURCE, SITES, "firefox")
    assert "storage" not in manifest
    assert "storage" in SOURCE  # dropped by the build, not missing from the source


def test_schema_lists_exactly_the_policy_keys_the_extension_reads():
    assert len(POLICY_KEYS) >= 7 and "locked" in POLICY_KEYS
    assert sorted(SCHEMA["properties"]) == sorted(POLICY_KEYS)
    assert SCHEMA["type"] == "object"
    # Each is a setting lib/settings.js validates (locked only says the others are read-only).
    fields = (ROOT / "extension" / "lib" / "settings.js").read_text()
    assert [k for k in POLICY_KEYS if k != "locked" and not re.search(rf"^  {k}: \(v", fields, re.M)] == []


def test_the_language_values_named_to_schools_are_the_languages_buoy_speaks():
    # A school types what the schema and docs/DEPLOYING.md name; each must be a _locales folder.
    folders = sorted(p.parent.name for p in (ROOT / "extension" / "_locales").glob("*/messages.json"))
    named = SCHEMA["properties"]["language"]["description"].split("(")[1].split(";")[0]
    assert sorted(re.findall(r"[a-z]{2}(?:_[A-Z]{2})?", named)) == folders
    guide = (ROOT / "docs" / "DEPLOYING.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith("| `language` |"))
    good = row.split("Another value")[0]  # then examples of values refused
    assert sorted(re.findall(r"`([a-z]{2}(?:_[A-Z]{2})?)`", good)) == folders


def test_options_page_opens_in_a_tab():
    assert SOURCE["options_ui"] == {"page": "options/options.html", "open_in_tab": True}
