"""Each store's listing has every field the store asks for, within its limits, in every UI language;
its justifications are the permission tests' own reasons; a listing that misses one is caught."""

import json

import pytest

from build.manifest import make_manifest
from build.permission_reasons import load_reasons
from build.release import images_for
from build.store_images import load_stores
from build.store_listing import build_listing, check_listing, languages, load_listing, privacy_page
from build.store_sheet import render_sheet
from harness.paths import ROOT

SOURCE = json.loads((ROOT / "extension" / "manifest.json").read_text())
SITES = json.loads((ROOT / "extension" / "data" / "sites.json").read_text())
STORES = load_stores()
# What tools/store_shots.py writes for each language (its sizes are checked in test_release_images.py).
SHOTS = ["1-button.png", "2-panel.png", "3-welcome.png", "4-options.png", "icon-128.png", "icon-300.png",
         "tile-440x280.png", "tile-1400x560.png"]


def listing_for(name, tmp_path):
    store = STORES[name]
    manifest = make_manifest(SOURCE, SITES, store["package"])
    images = {}
    for lang in languages(ROOT / "extension"):
        chosen = images_for(store, [tmp_path / f for f in SHOTS])
        images[lang] = {kind: [f"images/{lang}/{p.name}" for p in paths] for kind, paths in chosen.items()}
    return build_listing(ROOT, name, store, manifest, SITES, images) | {"package_file": "buoy.zip"}


@pytest.fixture(params=sorted(STORES))
def store(request, tmp_path):
    return request.param, STORES[request.param], listing_for(request.param, tmp_path)


def test_every_store_listing_fits_its_store(store):
    name, spec, listing = store
    assert check_listing(listing, spec) == []
    assert set(listing["languages"]) == {"en", "fr", "de", "es", "it", "nl", "pl", "pt_BR"}


def test_every_ui_language_has_a_listing():
    assert set(languages(ROOT / "extension")) <= set(load_listing()["languages"])
    assert languages(ROOT / "extension")[0] == SOURCE["default_locale"]


def test_store_specs_say_what_each_store_requires():
    chrome, edge, firefox = STORES["chrome"], STORES["edge"], STORES["firefox"]
    assert chrome["images"]["icon"]["sizes"] == [[128, 128]] and chrome["images"]["icon"]["required"]
    assert [1280, 800] in chrome["images"]["screenshots"]["sizes"] and chrome["images"]["screenshots"]["required"]
    assert chrome["images"]["small_tile"]["sizes"] == [[440, 280]] and chrome["images"]["small_tile"]["required"]
    assert chrome["images"]["marquee"]["sizes"] == [[1400, 560]]
    assert chrome["text"]["summary"]["max"] == 132 and chrome["text"]["name"]["max"] == 75
    assert edge["text"]["description"] == {"min": 250, "max": 10000, "source": edge["text"]["description"]["source"]}
    assert edge["images"]["logo"]["sizes"] == [[300, 300]] and edge["text"]["name"]["max"] == 45
    assert firefox["text"]["summary"]["max"] == 250 and firefox["text"]["name"]["max"] == 50
    for spec in STORES.values():
        assert all(limit["source"].startswith("https://") for limit in spec["text"].values())
        assert {"name", "summary", "description"} <= set(spec["text"])


def test_justifications_are_the_permission_tests_reasons(store):
    name, spec, listing = store
    reasons = load_reasons()
    manifest = make_manifest(SOURCE, SITES, spec["package"])
    assert listing["permissions"] == {p: reasons["permissions"].get(p) or reasons["optional_permissions"][p]
                                      for p in manifest["permissions"] + manifest["optional_permissions"]}
    hosts = "\n".join(listing["host_permissions"])
    for site in SITES["sites"]:  # a site added to sites.json is justified with no edit elsewhere
        assert reasons["hosts"].format(site=site["name"]) in hosts
        assert f"https://{site['domains'][0]}/*" in hosts
    assert reasons["optional_host_permissions"]["https://*/*"] in hosts


def test_listing_says_nothing_is_collected_and_how_reviewers_see_buoy(store):
    name, spec, listing = store
    assert listing["data_use"]["collected"] == []
    assert any("sold" in s for s in listing["data_use"]["statements"])
    assert "nothing is sent anywhere" in " ".join(listing["data_use"]["statements"])
    notes = listing["reviewer_notes"]
    assert "https://reddit.com/" in notes and "send me a pic of u" in notes
    assert ("Source: " in notes) == (spec["package"] == "firefox")


def test_firefox_listing_says_the_repository_is_the_source_and_explains_linter_warnings(tmp_path):
    listing = listing_for("firefox", tmp_path)
    assert "no separate source upload is needed" in listing["source_code"]
    for warning in load_listing()["accepted_linter_warnings"]:
        assert warning["file"] in listing["reviewer_notes"]


def test_a_listing_that_misses_a_field_is_caught(tmp_path):
    listing = listing_for("edge", tmp_path)
    listing["languages"]["fr"]["description"] = "Trop court."
    listing["languages"]["en"]["summary"] = "x" * 133
    listing["languages"]["en"]["images"].pop("logo")
    listing["category"] = ""
    problems = check_listing(listing, STORES["edge"])
    assert len(problems) == 4
    assert any(p.startswith("edge fr description: 11 characters, allowed 250 to 10000") for p in problems)


def test_privacy_policy_is_a_page(tmp_path):
    page = privacy_page(ROOT)
    assert page.startswith("<!doctype html>") and "<h2>What Buoy collects and sends</h2>" in page and "<table>" in page


def test_the_copy_sheet_has_every_language(tmp_path):
    listing = listing_for("chrome", tmp_path)
    sheet = render_sheet(listing)
    for words in listing["languages"].values():
        assert words["description"] in sheet and words["name"] in sheet
    assert "images/fr/tile-440x280.png" in sheet
