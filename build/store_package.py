"""The packages the stores take: the build as it is, except that Chromium's fixed `key` comes out.
The key pins the ID of every unpacked build (tests, policies); the Chrome Web Store refuses a package
that has one ("key field is not allowed in manifest") and gives the item its own ID on first upload."""

import json
import shutil
import tempfile
from pathlib import Path

from build.package import zip_dir

STORE_ONLY_DROPS = {"chromium": ("key",), "firefox": ()}


def store_package(dist: Path, browser: str, version: str, out: Path) -> Path:
    """out/buoy-<version>-<browser>.zip from dist/<browser>/, minus the manifest keys stores refuse;
    the same build always gives the same bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        staged = Path(tmp) / browser
        shutil.copytree(dist / browser, staged)
        manifest = json.loads((staged / "manifest.json").read_text(encoding="utf-8"))
        for key in STORE_ONLY_DROPS[browser]:
            manifest.pop(key, None)
        (staged / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return zip_dir(staged, out / f"buoy-{version}-{browser}.zip")
