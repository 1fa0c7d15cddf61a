"""Write the button's look files from data/button-look.json (issue 16: one source for the look).

content/button.js is a classic content script: it can't import the data module the pages use. So
each look a parent can choose becomes a tiny script, content/look/<corner>-<size>.js, setting
globalThis.buoyLook to the corner and the size in CSS px; background/button-scripts.js registers
the one the settings name before the button. The button holds no copy of the table.
"""

import json
from pathlib import Path


def look_file(corner: str, size: str) -> str:
    """A look's file in the package, as background/button-scripts.js names it."""
    return f"content/look/{corner}-{size}.js"


def write_look_files(out: Path, look: dict) -> list[Path]:
    (out / "content" / "look").mkdir(parents=True, exist_ok=True)
    written = []
    for corner in look["corners"]:
        for size, px in look["sizes"].items():
            path = out / look_file(corner, size)
            path.write_text("// Built from data/button-look.json by build/button_look.py.\n"
                            f"globalThis.buoyLook = {json.dumps({'corner': corner, 'size': px})};\n")
            written.append(path)
    return written
