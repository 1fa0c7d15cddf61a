"""The packages the stores take: the build file for file, except Chromium's `key`, which the Chrome
Web Store refuses; the same build gives the same bytes, so SHA256SUMS can be checked by anyone."""

import json
import zipfile

import pytest

from build.store_package import store_package


@pytest.mark.parametrize("browser", ["chromium", "firefox"])
def test_store_package_is_the_build_without_the_key(dist, tmp_path, browser):
    first = store_package(dist, browser, "9.9.9", tmp_path)
    (tmp_path / "again").mkdir()
    again = store_package(dist, browser, "9.9.9", tmp_path / "again")
    assert first.name == f"buoy-9.9.9-{browser}.zip" and first.read_bytes() == again.read_bytes()
    built = json.loads((dist / browser / "manifest.json").read_text())
    with zipfile.ZipFile(first) as package:
        manifest = json.loads(package.read("manifest.json"))
        files = sorted(package.namelist())
    assert "key" not in manifest
    assert manifest == {k: v for k, v in built.items() if k != "key"}
    assert files == sorted(p.relative_to(dist / browser).as_posix() for p in (dist / browser).rglob("*") if p.is_file())
