"""`invoke release`: check the version, build the packages, write checksums and each store's folder
under dist/store/<store>/ (listing, privacy page, images, package), ready for a person to submit.

  dist/store/buoy-<v>-<browser>.zip     the packages the stores take (build/store_package.py)
  dist/store/SHA256SUMS                 their SHA-256, as `sha256sum -c` reads them
  dist/store/<store>/buoy-<v>-<browser>.zip   a copy, so each folder is all one submission needs
  dist/store/<store>/listing.json       every field the store asks for, per language (machine-readable)
  dist/store/<store>/listing.md         the same, laid out to copy into the store's form
  dist/store/<store>/privacy.html       PRIVACY.md as a page
  dist/store/<store>/images/<lang>/     the store's images, checked for size
"""

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

from build.manifest import BROWSERS
from build.package import build_all, version
from build.release_version import ReleaseError, check_version, tags_at_head
from build.store_images import check_sizes, load_stores, needed_sizes
from build.store_listing import build_listing, check_listing, languages, load_listing, placeholders, privacy_page, texts
from build.store_package import store_package
from build.store_sheet import render_sheet


def write_checksums(zips: list[Path], target: Path) -> Path:
    lines = [f"{hashlib.sha256(z.read_bytes()).hexdigest()}  {z.name}\n" for z in sorted(zips)]
    target.write_text("".join(lines))
    return target


def images_for(store: dict, shots: list[Path]) -> dict[str, list[Path]]:
    """The images one store takes, by kind, from one language's shots (taken and named by tools/store_shots.py)."""
    chosen = {}
    for kind, spec in store["images"].items():
        width, height = spec["sizes"][0]
        if kind == "screenshots":
            chosen[kind] = [p for p in shots if p.name[0].isdigit()][: spec.get("max")]
        elif width == height:
            chosen[kind] = [p for p in shots if p.name == f"icon-{width}.png"]
        else:
            chosen[kind] = [p for p in shots if p.name == f"tile-{width}x{height}.png"]
    return chosen


def write_store(root: Path, out: Path, name: str, store: dict, zips: dict, shots: dict) -> list[str]:
    """One store's folder; returns the problems found (sizes, fields), empty when it is ready."""
    folder = out / name
    folder.mkdir(parents=True)
    shutil.copy2(zips[store["package"]], folder / zips[store["package"]].name)  # SHA256SUMS is one level up
    (folder / "privacy.html").write_text(privacy_page(root), encoding="utf-8")
    problems, images = [], {}
    for lang, lang_shots in shots.items():
        chosen = images_for(store, lang_shots)
        problems += check_sizes(chosen, {kind: spec["sizes"] for kind, spec in store["images"].items()})
        images[lang] = {}
        for kind, paths in chosen.items():
            (folder / "images" / lang).mkdir(parents=True, exist_ok=True)
            images[lang][kind] = [shutil.copy2(p, folder / "images" / lang / p.name).relative_to(folder).as_posix()
                                  for p in paths]
    with zipfile.ZipFile(zips[store["package"]]) as package:
        manifest = json.loads(package.read("manifest.json"))
    sites = json.loads((root / "extension" / "data" / "sites.json").read_text())
    listing = build_listing(root, name, store, manifest, sites, images)
    listing["package_file"] = zips[store["package"]].name
    (folder / "listing.json").write_text(json.dumps(listing, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (folder / "listing.md").write_text(render_sheet(listing), encoding="utf-8")
    return problems + check_listing(listing, store)


def release(root: Path, take_language, *, untagged: bool = False) -> list[Path]:
    """Everything a store submission needs, or ReleaseError saying what to fix first. The images are
    taken by `take_language` (tools/store_shots.py: it drives a browser, which build/ never does)."""
    extension_dir = root / "extension"
    problems = []
    try:
        check_version(version(extension_dir), (root / "CHANGELOG.md").read_text(encoding="utf-8"),
                      tags_at_head(root), untagged=untagged)
    except ReleaseError as error:
        problems.append(str(error))
    unfilled = placeholders(load_listing())
    if unfilled and not untagged:
        problems.append(f"build/store/listing.json still has placeholder links ({', '.join(unfilled)}): "
                        "fill them in before tagging a release")
    if problems:
        raise ReleaseError("\n".join(problems))
    build_all(root)
    out = root / "dist" / "store"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    zips = {browser: store_package(root / "dist", browser, version(extension_dir), out) for browser in BROWSERS}
    stores, listing = load_stores(), load_listing()
    sizes = needed_sizes(stores)
    short_name = json.loads((extension_dir / "manifest.json").read_text())["short_name"]  # the tiles' title
    shots = {lang: take_language(root, out / "images" / lang, lang, texts(extension_dir, listing, lang) | {"name": short_name}, sizes)
             for lang in languages(extension_dir)}
    problems = [p for name, store in stores.items() for p in write_store(root, out, name, store, zips, shots)]
    shutil.rmtree(out / "images")
    if problems:
        raise ReleaseError("the store folders are written but not ready:\n" + "\n".join(problems))
    return [write_checksums(list(zips.values()), out / "SHA256SUMS")] + sorted(out.glob("*/listing.md"))
