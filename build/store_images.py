"""The stores' images, per UI language: screenshots of the real build in real Chromium, promotional
tiles drawn from build/store/tile.html, and the icon drawn by build/icons.py. Which sizes are needed
comes from build/store/stores.json; every image is checked for size before it is handed over."""

import base64
import html
import json
import struct
from pathlib import Path
from string import Template

from build.icons import render
from build.screenshots import buoy_chromium, shoot_chat, shoot_extension_page
from tests.helpers import chromium

STORE_DIR = Path(__file__).parent / "store"
SCREENSHOT = (1280, 800)  # every store takes this size (stores.json); the others are optional
# (file, extension page) after the chat's two: what a parent sees first.
SCREENSHOT_PAGES = (("3-welcome.png", "welcome/welcome.html"), ("4-options.png", "options/options.html"))


def png_size(data: bytes) -> tuple[int, int]:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def needed_sizes(stores: dict) -> dict[str, set[tuple[int, int]]]:
    """Sizes to make, by what draws them: 'screenshot', 'icon' (square) or 'tile'."""
    sizes = {"screenshot": set(), "icon": set(), "tile": set()}
    for store in stores.values():
        for kind, spec in store["images"].items():
            first = tuple(spec["sizes"][0])
            if kind == "screenshots":
                sizes["screenshot"].add(SCREENSHOT if list(SCREENSHOT) in spec["sizes"] else first)
            else:
                sizes["icon" if first[0] == first[1] else "tile"].add(first)
    if sizes["screenshot"] - {SCREENSHOT}:
        raise ValueError(f"a store without {SCREENSHOT} screenshots: screenshots are only taken at that size")
    return sizes


def _tile_html(language: str, texts: dict, icon: bytes) -> str:
    page = Template((STORE_DIR / "tile.html").read_text(encoding="utf-8"))
    return page.substitute(lang=language, icon="data:image/png;base64," + base64.b64encode(icon).decode(),
                           name=html.escape(texts["name"]), tagline=html.escape(texts["tagline"]))


def _tiles(context, out: Path, language: str, texts: dict, sizes) -> list[Path]:
    page, shots = context.new_page(), []
    icon = render(256)
    for width, height in sorted(sizes):
        page.set_viewport_size({"width": width, "height": height})
        page.set_content(_tile_html(language, texts, icon))
        shots.append(out / f"tile-{width}x{height}.png")
        page.screenshot(path=shots[-1])
    page.close()
    return shots


def take_language(root: Path, out: Path, language: str, texts: dict, sizes: dict) -> list[Path]:
    """One language's images into `out`: 1-button, 2-panel, 3-welcome, 4-options, the tiles, the icons."""
    out.mkdir(parents=True, exist_ok=True)
    width, height = SCREENSHOT
    with buoy_chromium(root, language, viewport={"width": width, "height": height}) as context:
        shown = chromium.service_worker(context).evaluate("chrome.i18n.getUILanguage()")
        if shown.split("-")[0] != language:
            raise RuntimeError(f"Chromium shows its UI in {shown}, not {language!r}: the {language} images would be "
                               "in the wrong language (Debian needs chromium-l10n: bash scripts/setup.sh)")
        shots = shoot_chat(context, out / "1-button.png", out / "2-panel.png")
        shots += [shoot_extension_page(context, path, out / name, width, height) for name, path in SCREENSHOT_PAGES]
        shots += _tiles(context, out, language, texts, sizes["tile"])
    for size, _ in sorted(sizes["icon"]):
        shots.append(out / f"icon-{size}.png")
        shots[-1].write_bytes(render(size))
    return shots


def check_sizes(images: dict[str, list[Path]], allowed: dict[str, list[list[int]]]) -> list[str]:
    """Problems with images of each kind against the sizes allowed for it (empty when all fit)."""
    problems = []
    for kind, paths in images.items():
        for path in paths:
            size = list(png_size(path.read_bytes()))
            if size not in allowed[kind]:
                problems.append(f"{path.name} is {size[0]}x{size[1]}; {kind} must be one of {allowed[kind]}")
    return problems


def load_stores() -> dict:
    stores = json.loads((STORE_DIR / "stores.json").read_text(encoding="utf-8"))
    stores.pop("_comment", None)
    return stores
