"""Each store's listing, per UI language, from one set of sources: the manifest's name and short
description (extension/_locales), build/store/listing.json (descriptions, purpose, data use,
reviewers' notes), build/store/permission_reasons.json with sites.json (every justification), and
PRIVACY.md (the privacy policy, as a page). build/store/stores.json says what each store asks for."""

import json
from pathlib import Path

import markdown

from build.permission_reasons import justify, load_reasons

STORE_DIR = Path(__file__).parent / "store"
PLACEHOLDER = "REPLACE"


def load_listing() -> dict:
    return json.loads((STORE_DIR / "listing.json").read_text(encoding="utf-8"))


def languages(extension_dir: Path) -> list[str]:
    """The UI languages Buoy ships: each gets a listing (the default locale first)."""
    default = json.loads((extension_dir / "manifest.json").read_text())["default_locale"]
    found = sorted(p.parent.name for p in (extension_dir / "_locales").glob("*/messages.json"))
    return [default] + [lang for lang in found if lang != default]


def _message(extension_dir: Path, lang: str, key: str) -> str:
    return json.loads((extension_dir / "_locales" / lang / "messages.json").read_text(encoding="utf-8"))[key]["message"]


def texts(extension_dir: Path, listing: dict, lang: str) -> dict:
    """One language's words: name and summary from the manifest's locale, the rest from listing.json."""
    words = listing["languages"].get(lang)
    if not words:
        raise ValueError(f"build/store/listing.json has no listing for the UI language {lang!r}")
    return {"name": _message(extension_dir, lang, "extensionName"),
            "summary": _message(extension_dir, lang, "extensionDescription"),
            "tagline": words["tagline"], "description": words["description"]}


def sample_line(root: Path, move: str) -> str:
    """A plain line of the nudges' tuning part (never the sealed part) for reviewers to try; the
    reviewers' test checks that it really brings up a nudge."""
    for row in (root / "tests" / "nudges" / "tune.jsonl").read_text(encoding="utf-8").splitlines():
        entry = json.loads(row)
        if entry.get("move") == move and "note" not in entry:
            return entry["text"]
    raise ValueError(f"no plain {move!r} line in tests/nudges/tune.jsonl")


def nudge_snippet(line: str) -> str:
    """What a reviewer pastes into a listed page's console to make a chat line appear there."""
    return f"document.body.append(Object.assign(document.createElement('p'), {{textContent: {json.dumps(line)}}}))"


def reviewer_notes(root: Path, listing: dict, sites: dict, store: dict) -> str:
    site = next(s for s in sites["sites"] if s["id"] == listing["review"]["site"])
    line = sample_line(root, listing["review"]["nudge_move"])
    notes = [
        "No account, login or setup is needed; nothing is sent anywhere, so there is no server to test against.",
        f"See the button: open https://{site['domains'][0]}/ (or any of the {len(sites['sites'])} listed sites). "
        "A round blue \"Get help\" button appears in the bottom-right corner; press it to open the help panel. "
        "The same panel opens from the toolbar icon.",
        f"See a nudge: on that page, open the developer console and add a chat line: {nudge_snippet(line)}. "
        "About a second later a short prompt appears next to the button, with one tap to help and one to dismiss. "
        "(In a real chat, the same line sent by another account does it; the child's own typing is never read.)",
        "Options (country, sites, corner and size, nudges, history): "
        + ("about:addons, Buoy, Options." if store["package"] == "firefox" else "right-click the toolbar icon, Options."),
    ]
    if store["package"] == "firefox":
        notes.append("Source: " + listing["source_code"])
        notes += [f"addons-linter warning {w['code']} in {w['file']}: {w['reason']}" for w in listing["accepted_linter_warnings"]]
    return "\n\n".join(notes)


def privacy_page(root: Path) -> str:
    body = markdown.markdown((root / "PRIVACY.md").read_text(encoding="utf-8"), extensions=["tables"])
    return ('<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<title>Buoy privacy policy</title>\n'
            f"<body>\n{body}\n</body>\n</html>\n")


def _host_lines(justified: list[dict]) -> list[str]:
    """One line per site (its patterns share a reason), then the optional hosts."""
    patterns = {}
    for j in justified:
        if j["kind"] in ("host", "optional host"):
            patterns.setdefault(j["reason"], []).append(j["name"])
    return [f"{reason} ({', '.join(names)})" for reason, names in patterns.items()]


def build_listing(root: Path, name: str, store: dict, manifest: dict, sites: dict, images: dict) -> dict:
    """The listing for store `name` (a stores.json entry); `manifest` is the built one for its package,
    `images` {lang: {kind: [file names]}}."""
    extension_dir, listing = root / "extension", load_listing()
    justified = justify(manifest, sites)
    return {
        "store": name,
        "title": store["title"],
        "package": store["package"],
        "category": store["category"],
        "links": listing["links"],
        "single_purpose": listing["single_purpose"],
        "permissions": {j["name"]: j["reason"] for j in justified if j["kind"] in ("permission", "optional permission")},
        "host_permissions": _host_lines(justified) + [load_reasons()["hosts_note"]],
        "other_declarations": [f"{j['kind']} {j['name']}: {j['reason']}" for j in justified
                               if j["kind"] in ("exposed file", "shortcut")],
        "data_use": listing["data_use"],
        "source_code": listing["source_code"],
        "privacy_policy": "privacy.html",
        "reviewer_notes": reviewer_notes(root, listing, sites, store),
        "languages": {lang: {**texts(extension_dir, listing, lang), "images": images.get(lang, {})}
                      for lang in languages(extension_dir)},
    }


def placeholders(listing: dict) -> list[str]:
    return [key for key, value in listing["links"].items() if value.startswith(PLACEHOLDER)]


def check_listing(listing: dict, store: dict) -> list[str]:
    """Problems with a listing against what its store asks for (empty when it fits)."""
    problems = []
    for field in ("title", "category", "single_purpose", "reviewer_notes", "privacy_policy"):
        if not listing.get(field):
            problems.append(f"{listing['store']}: no {field}")
    for lang, words in listing["languages"].items():
        for field, limit in store["text"].items():
            size = len(words.get(field, ""))
            if size < limit.get("min", 1) or size > limit.get("max", size):
                problems.append(f"{listing['store']} {lang} {field}: {size} characters, allowed "
                                f"{limit.get('min', 1)} to {limit.get('max', 'any')} ({limit['source']})")
        for kind, spec in store["images"].items():
            count = len(words["images"].get(kind, []))
            if spec["required"] and not count:
                problems.append(f"{listing['store']} {lang}: no {kind} image")
            if count > spec.get("max", count):
                problems.append(f"{listing['store']} {lang}: {count} {kind} images, at most {spec['max']}")
    return problems
