"""The stores' images from the real build, in French (the harder language: it needs Debian's
chromium-l10n): every image build/store_images.py takes fits every store that uses it, and the
browser that took them really showed Buoy in French. invoke release takes English the same way."""

import json

import pytest

from build.release import images_for
from build.screenshots import buoy_chromium
from build.store_images import check_sizes, load_stores, needed_sizes, take_language
from build.store_listing import load_listing, texts
from tests.conftest import ROOT
from tests.helpers import chromium

pytestmark = pytest.mark.chromium
STORES = load_stores()


def test_store_images_in_french_fit_every_store(dist, tmp_path):
    words = texts(ROOT / "extension", load_listing(), "fr") | {"name": "Buoy"}
    shots = take_language(ROOT, tmp_path, "fr", words, needed_sizes(STORES))
    for store in STORES.values():
        chosen = images_for(store, shots)
        assert check_sizes(chosen, {kind: spec["sizes"] for kind, spec in store["images"].items()}) == []
        assert all(chosen[kind] for kind, spec in store["images"].items() if spec["required"])


def test_the_french_screenshots_show_buoy_in_french(dist):
    with buoy_chromium(ROOT, "fr") as context:
        worker = chromium.service_worker(context)
        assert worker.evaluate("chrome.i18n.getUILanguage()").startswith("fr")
        french = json.loads((ROOT / "extension" / "_locales" / "fr" / "messages.json").read_text(encoding="utf-8"))
        assert worker.evaluate("chrome.i18n.getMessage('buttonLabel')") == french["buttonLabel"]["message"]
