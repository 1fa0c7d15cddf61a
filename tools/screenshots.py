"""Pictures for the README, taken from the real build in real Chromium on a local fixture chat."""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

from harness import chromium
from harness.chromium_page import click_button, wait_for_button, wait_for_panel
from harness.server import serve_fixtures

VIEWPORT = {"width": 960, "height": 640}
CHAT = "https://discord.com/channels/lobby"  # the fixture chat, served as a listed site
# UI language -> (time zone, browser language): a child whose country has help in that language.
# Chromium on Linux takes its UI language from LANGUAGE (needs Debian's chromium-l10n), not --lang.
LOCALES = {"en": ("Europe/London", "en-GB"), "fr": ("America/Toronto", "fr-CA")}


@contextmanager
def buoy_chromium(root: Path, language: str = "en", viewport: dict = VIEWPORT):
    """Real Chromium with dist/chromium, set up as a child in `language`'s country, on the fixtures."""
    zone, lang = LOCALES[language]
    env = {**os.environ, "TZ": zone, "LANGUAGE": lang.replace("-", "_")}
    with tempfile.TemporaryDirectory() as tmp, serve_fixtures(Path(tmp)) as server, chromium.launch(
        Path(tmp) / "profile", root / "dist" / "chromium", server.port, env=env, args=[f"--lang={lang}"], viewport=viewport
    ) as context:
        worker = chromium.service_worker(context)
        worker.evaluate("chrome.scripting.getRegisteredContentScripts()")
        yield context


def shoot_chat(context, button: Path, panel: Path) -> list[Path]:
    """The fixture chat with Buoy's button, then with its panel open."""
    page = context.new_page()
    page.goto(CHAT)
    wait_for_button(page)
    page.wait_for_timeout(300)
    page.screenshot(path=button)
    click_button(page)
    wait_for_panel(page)
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    page.screenshot(path=panel)
    page.close()
    return [button, panel]


def shoot_extension_page(context, path: str, out: Path, width: int, height: int = 640, situation=None, whole=False) -> Path:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": height})
    page.goto(chromium.extension_url(path))
    page.wait_for_load_state("load")
    if situation:
        page.click(f"button[data-situation='{situation}']")
        page.wait_for_selector(f"main[data-situation='{situation}']")
    page.wait_for_timeout(400)
    page.screenshot(path=out, full_page=whole)
    page.close()
    return out


# (file, extension page, viewport width, situation to open first or None, whole page?)
EXTENSION_PAGES = (
    ("popup.png", "panel/panel.html", 400, None, False),
    ("situation.png", "panel/panel.html", 400, "picture-shared", True),
    ("welcome.png", "welcome/welcome.html", 960, None, False),
    ("options.png", "options/options.html", 960, None, False),
)


def take_screenshots(root: Path) -> list[Path]:
    out = root / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    with buoy_chromium(root) as context:
        shots = shoot_chat(context, out / "button.png", out / "panel.png")
        return shots + [shoot_extension_page(context, path, out / name, width, situation=situation, whole=whole)
                        for name, path, width, situation, whole in EXTENSION_PAGES]
