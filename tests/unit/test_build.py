"""The build: one manifest per browser, least privilege, and byte-identical store packages."""

import json
import zipfile

import pytest

from build.manifest import chromium_id, host_patterns, make_manifest
from build.package import build_all, version
from build.validate import DataError, validate
from harness.paths import ROOT

SOURCE = json.loads((ROOT / "extension" / "manifest.json").read_text())
SITES = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A build of a copy of the repo's sources, twice, to compare bytes."""
    import shutil

    zips = []
    for n in range(2):
        root = tmp_path_factory.mktemp(f"repo{n}")
        shutil.copytree(ROOT / "extension", root / "extension")
        zips.append(build_all(root))
    return zips


def test_chromium_manifest_runs_a_service_worker_with_a_fixed_id():
    m = make_manifest(SOURCE, SITES, "chromium")
    assert m["background"] == {"service_worker": "background/main.js", "type": "module"}
    assert "browser_specific_settings" not in m
    assert len(chromium_id(m["key"])) == 32 and set(chromium_id(m["key"])) <= set("abcdefghijklmnop")


def test_firefox_manifest_runs_background_scripts_with_a_gecko_id():
    m = make_manifest(SOURCE, SITES, "firefox")
    assert m["background"] == {"scripts": ["background/main.js"], "type": "module"}
    assert m["browser_specific_settings"]["gecko"]["id"] == "buoy@buoy-help.org"
    assert "key" not in m


def test_host_access_is_exactly_the_listed_sites():
    for browser in ("chromium", "firefox"):
        m = make_manifest(SOURCE, SITES, browser)
        assert m["host_permissions"] == host_patterns(SITES)
        for pattern in m["host_permissions"]:
            host = pattern.removeprefix("https://").removeprefix("*.").removesuffix("/*")
            assert any(host in site["domains"] for site in SITES["sites"]), pattern
    assert "https://discord.com/*" in host_patterns(SITES)
    assert not any(p.startswith("http://") or "<all_urls>" in p for p in host_patterns(SITES))


def test_firefox_for_android_is_declared_with_the_same_minimum():
    # The README's "Firefox for Android" says what works there and what can't be proven here.
    settings = make_manifest(SOURCE, SITES, "firefox")["browser_specific_settings"]
    assert settings["gecko_android"] == {"strict_min_version": settings["gecko"]["strict_min_version"]}


def test_unknown_browser_is_refused():
    with pytest.raises(ValueError, match="unknown browser"):
        make_manifest(SOURCE, SITES, "safari")


def test_packages_are_byte_identical_from_the_same_sources(built):
    first, second = built
    assert [p.name for p in first] == [f"buoy-{version(ROOT / 'extension')}-{b}.zip" for b in ("chromium", "firefox")]
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()


def test_packages_hold_the_extension_and_nothing_else(built):
    for package in built[0]:
        names = zipfile.ZipFile(package).namelist()
        assert "manifest.json" in names and "content/button.js" in names and "panel/panel.html" in names
        assert "platform/browser.js" in names and not any(n.startswith("platform/chromium") for n in names)
        assert not any(n.endswith((".py", ".md")) or "/." in n or n.startswith(".") for n in names)
        for size in (16, 32, 48, 128):
            assert f"icons/icon-{size}.png" in names


def test_bad_data_stops_the_build(tmp_path):
    import shutil

    shutil.copytree(ROOT / "extension" / "data", tmp_path / "data")
    help_file = tmp_path / "data" / "help.json"
    data = json.loads(help_file.read_text())
    data["services"]["childline-gb"]["url"] = "http://www.childline.org.uk/"
    help_file.write_text(json.dumps(data))
    with pytest.raises(DataError, match="services/childline-gb/url"):
        validate(tmp_path / "data")
