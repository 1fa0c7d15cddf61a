"""Ship the words of _locales/*/messages.json as JS the pages read directly (issue 20).

chrome.i18n.getMessage sometimes answered "" in the first panel frame after Chromium started, and
the panel showed its keys. _locales stays the one place words are written (the manifest's __MSG_
names need it); the build copies them into modules that can't be missing, and chrome.i18n only
chooses the locale. Placeholders ($NAME$) are resolved here, the way the browsers resolve them, so
pages only put substitutions into $1..$9 (lib/i18n.js).
"""

import json
import re
from pathlib import Path

PLACEHOLDER = re.compile(r"\$([A-Za-z0-9_@]+)\$")

# Words the content scripts show, each set a small classic script content/locale/<l><suffix>.js
# setting a global: a page never loads the whole catalogue. The button's words are registered before
# it on every listed page (background/button-scripts.js), and say their folder (buoyLocale); the
# nudges' are imported from that folder by content/nudge-read.js, once new text appears.
CONTENT_WORDS = {
    "": ("buoyText", lambda key: key in ("buttonLabel", "panelTitle")),
    "-nudges": ("buoyNudgeText", lambda key: key.startswith("nudge_") or key in ("nudgeHelp", "nudgeDismiss")),
}


def resolve(key: str, entry: dict) -> str:
    """The message with each $NAME$ replaced by its placeholder's content (names are case-blind)."""
    placeholders = {name.lower(): p["content"] for name, p in entry.get("placeholders", {}).items()}

    def content(match):
        name = match.group(1).lower()
        if name not in placeholders:
            raise ValueError(f"{key}: no placeholder {match.group(0)}")
        return placeholders[name]

    return PLACEHOLDER.sub(content, entry["message"])


def read_locales(locales_dir: Path) -> dict[str, dict[str, str]]:
    """{locale folder: {key: resolved message}} for every _locales/<l>/messages.json."""
    catalogue = {}
    for path in sorted(locales_dir.glob("*/messages.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        catalogue[path.parent.name] = {key: resolve(key, entry) for key, entry in entries.items()}
    return catalogue


def text_languages(locales_dir: Path) -> list[str]:
    """The languages the data's child-facing texts must be written in: one per _locales folder, by
    language alone, as the panel picks data texts (lib/i18n.js `pick`: pt_BR's words read "pt")."""
    return sorted({path.parent.name.split("_")[0] for path in locales_dir.glob("*/messages.json")})


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def write_messages(out: Path, default_locale: str) -> None:
    """lib/messages.js for the pages and the background; content/locale/* for the content scripts."""
    catalogue = read_locales(out / "_locales")
    (out / "lib" / "messages.js").write_text(
        "// Built from _locales/*/messages.json by build/messages.py.\n"
        f"export const DEFAULT_LOCALE = {_json(default_locale)};\n"
        f"export default {_json(catalogue)};\n"
    )
    (out / "content" / "locale").mkdir()
    for locale, messages in catalogue.items():
        for suffix, (name, wanted) in CONTENT_WORDS.items():
            words = {key: text for key, text in messages.items() if wanted(key)}
            (out / "content" / "locale" / f"{locale}{suffix}.js").write_text(
                f"// Built from _locales/{locale}/messages.json by build/messages.py.\n"
                f"globalThis.{name} = {_json(words)};\n"
                + (f"globalThis.buoyLocale = {_json(locale)};\n" if not suffix else "")
            )
