"""The stores' images, per UI language: screenshots of the real build in real Chromium, promotional
tiles drawn from build/store/tile.html, and the icon drawn by build/icons.py (sizes and checks in
build/store_images.py). `invoke release` hands take_language to build/release.py."""

import base64
import html
from pathlib import Path
from string import Template

from build.icons import render
from build.store_images import SCREENSHOT
from build.store_listing import STORE_DIR
from harness import chromium
from tools.screenshots import buoy_chromium, shoot_chat, shoot_extension_page

# (file, extension page) after the chat's two: what a parent sees first.
SCREENSHOT_PAGES = (("3-welcome.png", "welcome/welcome.html"), ("4-options.png", "options/options.html"))


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
