"""One manifest source (extension/manifest.json), one manifest per browser.

The site list decides host permissions; the browser decides how the background runs and how the
extension is identified (a fixed `key` keeps the Chromium ID stable; Firefox needs a gecko id).
"""

import base64
import hashlib
import json
from pathlib import Path

BROWSERS = ("chromium", "firefox")
GECKO_ID = "buoy@buoy-help.org"
FIREFOX_MIN = "142.0"  # MV3 JSON modules; data_collection_permissions (desktop and Android)
# Firefox for Android has every API the button and panel use (tabs, scripting, storage, permissions,
# i18n); it lacks commands (no shortcut line), history (the opt-in cleaner stays off) and managed
# storage (no policies), which Buoy already treats as absent. README "Firefox for Android" says more.
CHROMIUM_MIN = "123"  # import attributes for JSON modules
KEY_FILE = Path(__file__).parent / "chromium-key.txt"
BACKGROUND = "background/main.js"
# Chromium-only permissions: Firefox has no chrome.tts (it reads aloud with speechSynthesis).
CHROMIUM_ONLY_PERMISSIONS = ("tts",)


def chromium_key() -> str:
    return KEY_FILE.read_text().strip()


def chromium_id(key: str | None = None) -> str:
    """The extension ID Chromium derives from the public key: sha256, first 32 hex digits as a-p."""
    digest = hashlib.sha256(base64.b64decode(key or chromium_key())).hexdigest()[:32]
    return "".join(chr(ord("a") + int(c, 16)) for c in digest)


def host_patterns(sites: dict) -> list[str]:
    return sorted({p for site in sites["sites"] for d in site["domains"] for p in (f"https://{d}/*", f"https://*.{d}/*")})


def make_manifest(source: dict, sites: dict, browser: str) -> dict:
    if browser not in BROWSERS:
        raise ValueError(f"unknown browser {browser!r}; expected one of {BROWSERS}")
    manifest = json.loads(json.dumps(source))  # deep copy
    manifest["host_permissions"] = host_patterns(sites)
    if browser == "chromium":
        manifest["background"] = {"service_worker": BACKGROUND, "type": "module"}
        manifest["key"] = chromium_key()
        manifest["minimum_chrome_version"] = CHROMIUM_MIN
    else:
        manifest["background"] = {"scripts": [BACKGROUND], "type": "module"}
        manifest["permissions"] = [p for p in manifest["permissions"] if p not in CHROMIUM_ONLY_PERMISSIONS]
        # Chromium-only: Firefox takes policy values from policies.json "3rdparty" with no schema.
        manifest.pop("storage", None)
        manifest["browser_specific_settings"] = {
            "gecko": {
                "id": GECKO_ID,
                "strict_min_version": FIREFOX_MIN,
                "data_collection_permissions": {"required": ["none"]},
            },
            "gecko_android": {"strict_min_version": FIREFOX_MIN},
        }
    return manifest
