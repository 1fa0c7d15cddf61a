"""Build dist/<browser>/ and byte-identical store zips from the same sources."""

import json
import shutil
import zipfile
from pathlib import Path

from build.button_look import write_look_files
from build.manifest import BROWSERS, make_manifest
from build.messages import write_messages
from build.validate import validate

ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same sources give the same bytes


def version(extension_dir: Path) -> str:
    return json.loads((extension_dir / "manifest.json").read_text())["version"]


def _copy_tree(extension_dir: Path, out: Path, browser: str) -> None:
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(extension_dir, out, ignore=shutil.ignore_patterns("platform", ".*", "*~"))
    # Same-named per-browser glue (uBO's idiom): platform/<browser>/x.js ships as platform/x.js.
    shutil.copytree(extension_dir / "platform" / browser, out / "platform")


def _compile_data(out: Path, data: dict) -> None:
    """Ship each data/x.json as the ES module data/x.js. Chromium's service worker loads JSON
    modules on install but not after a browser restart (seen in Chromium 156), which left Buoy
    without its background until reinstalled; plain JS modules load every time."""
    for name, content in data.items():
        (out / "data" / f"{name}.json").unlink()
        body = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        (out / "data" / f"{name}.js").write_text(f"// Built from {name}.json by build/package.py.\nexport default {body};\n")


def build_browser(extension_dir: Path, dist: Path, browser: str, data: dict) -> Path:
    out = dist / browser
    _copy_tree(extension_dir, out, browser)
    _compile_data(out, data)
    write_look_files(out, data["button-look"])
    source = json.loads((extension_dir / "manifest.json").read_text())
    write_messages(out, source["default_locale"])
    manifest = make_manifest(source, data["sites"], browser)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return out


def zip_dir(folder: Path, target: Path) -> Path:
    target.unlink(missing_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return target


def build_all(root: Path) -> list[Path]:
    """Validate the data, then write dist/chromium, dist/firefox and their zips. Returns the zips."""
    extension_dir, dist = root / "extension", root / "dist"
    data = validate(extension_dir / "data")
    dist.mkdir(exist_ok=True)
    zips = []
    for browser in BROWSERS:
        out = build_browser(extension_dir, dist, browser, data)
        zips.append(zip_dir(out, dist / f"buoy-{version(extension_dir)}-{browser}.zip"))
    return zips
