"""The stores' images: every size a store asks for is made, each image is checked for size before a
release hands it over, and the checksums are what sha256sum checks. (The screenshots themselves are
taken in tests/e2e/test_store_images.py; invoke release takes them all and checks them.)"""

import hashlib
import subprocess

import pytest

from build.icons import render
from build.release import images_for, write_checksums
from build.store_images import check_sizes, load_stores, needed_sizes, png_size
from harness.paths import ROOT

STORES = load_stores()


def test_every_store_image_size_is_made():
    sizes = needed_sizes(STORES)
    made = sizes["screenshot"] | sizes["icon"] | sizes["tile"]
    for store in STORES.values():
        for kind, spec in store["images"].items():
            assert any(tuple(size) in made for size in spec["sizes"]), kind
    assert sizes == {"screenshot": {(1280, 800)}, "icon": {(128, 128), (300, 300)}, "tile": {(440, 280), (1400, 560)}}


def test_the_store_icons_are_drawn_at_their_size(tmp_path):
    assert png_size(render(300)) == (300, 300)
    assert (ROOT / "extension" / "icons" / "icon-128.png").read_bytes() == render(128)  # Chrome's store icon is the package's


def test_a_wrong_size_is_caught(tmp_path):
    (tmp_path / "tile-440x280.png").write_bytes(render(64))
    (tmp_path / "icon-128.png").write_bytes(render(128))
    problems = check_sizes({"small_tile": [tmp_path / "tile-440x280.png"], "icon": [tmp_path / "icon-128.png"]},
                           {"small_tile": [[440, 280]], "icon": [[128, 128]]})
    assert problems == ["tile-440x280.png is 64x64; small_tile must be one of [[440, 280]]"]
    with pytest.raises(ValueError, match="not a PNG"):
        png_size(b"GIF89a" + bytes(30))


@pytest.mark.parametrize("name", sorted(STORES))
def test_each_store_gets_its_kinds_of_image(name, tmp_path):
    shots = [tmp_path / f for f in ("1-button.png", "2-panel.png", "3-welcome.png", "4-options.png", "icon-128.png",
                                     "icon-300.png", "tile-440x280.png", "tile-1400x560.png")]
    chosen = images_for(STORES[name], shots)
    assert set(chosen) == set(STORES[name]["images"])
    assert all(chosen.values()), chosen
    assert [p.name for p in chosen["screenshots"]] == ["1-button.png", "2-panel.png", "3-welcome.png", "4-options.png"]


def test_checksums_are_what_sha256sum_checks(tmp_path):
    zips = [tmp_path / "b.zip", tmp_path / "a.zip"]
    for n, z in enumerate(zips):
        z.write_bytes(bytes([n]) * 100)
    sums = write_checksums(zips, tmp_path / "SHA256SUMS")
    assert sums.read_text().splitlines()[0] == f"{hashlib.sha256(bytes([1]) * 100).hexdigest()}  a.zip"
    subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=tmp_path, check=True)
