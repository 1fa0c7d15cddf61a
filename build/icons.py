"""Draw Buoy's lifebuoy icon as PNGs (no image library needed), so the icons are reproducible."""

import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 32, 48, 128)
RED, WHITE, EDGE = (225, 29, 72), (255, 255, 255), (29, 78, 216)


def _colour(x: float, y: float):
    """Colour of the icon at (x, y) in a unit square centred on 0.5, 0.5, or None outside it."""
    dx, dy = x - 0.5, y - 0.5
    r = math.hypot(dx, dy)
    if r > 0.48 or r < 0.17:
        return None
    if r > 0.42 or r < 0.23:
        return EDGE
    quarter = int(((math.atan2(dy, dx) + math.pi / 4) % (2 * math.pi)) // (math.pi / 2))
    return RED if quarter % 2 == 0 else WHITE


def render(size: int, samples: int = 4) -> bytes:
    rows = []
    for py in range(size):
        row = bytearray([0])  # PNG filter: none
        for px in range(size):
            hits = [
                _colour((px + (i + 0.5) / samples) / size, (py + (j + 0.5) / samples) / size)
                for i in range(samples)
                for j in range(samples)
            ]
            inked = [c for c in hits if c]
            alpha = round(255 * len(inked) / len(hits))
            rgb = [round(sum(c[k] for c in inked) / len(inked)) if inked else 0 for k in range(3)]
            row += bytes(rgb + [alpha])
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")


def write_icons(icon_dir: Path) -> list[Path]:
    icon_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in SIZES:
        path = icon_dir / f"icon-{size}.png"
        path.write_bytes(render(size))
        written.append(path)
    return written
