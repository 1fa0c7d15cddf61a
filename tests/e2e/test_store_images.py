"""The stores' images from the real build, in French (the harder language: it needs Debian's
chromium-l10n, and take_language refuses to go on if Chromium's UI isn't French): every image
tools/store_shots.py takes fits every store that uses it. invoke release takes English the same way.
Chromium's alone: the stores' images are taken in Chromium (tools/screenshots.py), not through the
driver."""

import pytest

from build.release import images_for
from build.store_images import check_sizes, load_stores, needed_sizes
from build.store_listing import load_listing, texts
from harness.paths import ROOT
from tools.store_shots import take_language

OWN_BROWSER = "Chromium started in French, as a store shows Buoy"

pytestmark = pytest.mark.chromium
STORES = load_stores()


def test_store_images_in_french_fit_every_store(dist, tmp_path):
    words = texts(ROOT / "extension", load_listing(), "fr") | {"name": "Buoy"}
    shots = take_language(ROOT, tmp_path, "fr", words, needed_sizes(STORES))
    for store in STORES.values():
        chosen = images_for(store, shots)
        assert check_sizes(chosen, {kind: spec["sizes"] for kind, spec in store["images"].items()}) == []
        assert all(chosen[kind] for kind, spec in store["images"].items() if spec["required"])
