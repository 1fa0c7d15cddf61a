"""The stores' images: which sizes are needed (from build/store/stores.json), and the check that
every image fits before it is handed over. tools/store_shots.py takes them."""

import json
import struct
from pathlib import Path

from build.store_listing import STORE_DIR

SCREENSHOT = (1280, 800)  # every store takes this size (stores.json); the others are optional


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
