"""The extensions Buoy is compared with, written into a temp folder at bench time.

Each is as small as an extension can be: a manifest and, at most, one content script registered
statically on the bench hosts. The floor and its twin are byte-identical apart from their names,
so any gap between them is noise.
"""

import json
from dataclasses import dataclass
from pathlib import Path

# The least any visible button can cost: one plain, styled <button> appended, nothing else.
MINIMAL_BUTTON = """\
const b = document.createElement("button");
b.textContent = "Get help";
b.style.cssText = "position:fixed;right:16px;bottom:16px;width:56px;height:56px;border-radius:50%;" +
  "background:#1d4ed8;color:#fff;font:700 13px system-ui;border:3px solid #fff;z-index:2147483647";
document.documentElement.append(b);
"""

COMPARISONS = {"floor": "", "twin": "", "minimal": MINIMAL_BUTTON}


@dataclass(frozen=True)
class Variant:
    name: str
    extension: Path | None  # None: no extension at all
    content_scripts: tuple[Path, ...] = ()  # the files that run on every bench page load
    run_at: str = ""


def write_comparison(folder: Path, name: str, source: str, hosts: list[str], run_at: str) -> Variant:
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "content.js"
    script.write_text(source)
    manifest = {
        "manifest_version": 3, "name": f"bench {name}", "version": "1.0",
        "content_scripts": [{"matches": [f"https://{h}/*" for h in hosts], "js": ["content.js"], "run_at": run_at}],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return Variant(name, folder, (script,), run_at)


def comparison_variants(folder: Path, hosts: list[str], run_at: str) -> list[Variant]:
    """No extension, the floor, its twin and the minimal button, in that order."""
    made = [write_comparison(folder / name, name, source, hosts, run_at) for name, source in COMPARISONS.items()]
    return [Variant("none", None), *made]
