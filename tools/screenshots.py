"""Pictures for the README, taken from the real build in real Chromium on a local fixture chat."""

import os
import tempfile
from pathlib import Path

from harness import chromium
from harness.chromium_page import click_button, wait_for_button, wait_for_panel
from harness.server import serve_fixtures

VIEWPORT = {"width": 960, "height": 640}


def _shoot_page(context, out: Path) -> list[Path]:
    page = context.new_page()
    page.goto("https://discord.com/channels/lobby")
    wait_for_button(page)
    page.wait_for_timeout(300)
    shots = [out / "button.png", out / "panel.png"]
    page.screenshot(path=shots[0])
    click_button(page)
    wait_for_panel(page)
    page.mouse.move(0, 0)
    page.wait_for_timeout(300)
    page.screenshot(path=shots[1])
    page.close()
    return shots


# (file, extension page, viewport width, situation to open first or None, whole page?)
EXTENSION_PAGES = (
    ("popup.png", "panel/panel.html", 400, None, False),
    ("situation.png", "panel/panel.html", 400, "picture-shared", True),
    ("welcome.png", "welcome/welcome.html", 960, None, False),
    ("options.png", "options/options.html", 960, None, False),
)


def _shoot_extension_pages(context, out: Path) -> list[Path]:
    shots = []
    for name, path, width, situation, whole in EXTENSION_PAGES:
        page = context.new_page()
        page.set_viewport_size({"width": width, "height": 640})
        page.goto(chromium.extension_url(path))
        page.wait_for_load_state("load")
        if situation:
            page.click(f"button[data-situation='{situation}']")
            page.wait_for_selector(f"main[data-situation='{situation}']")
        page.wait_for_timeout(400)
        shots.append(out / name)
        page.screenshot(path=shots[-1], full_page=whole)
        page.close()
    return shots


def take_screenshots(root: Path) -> list[Path]:
    out = root / "docs" / "images"
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "TZ": "Europe/London"}
    with tempfile.TemporaryDirectory() as tmp, serve_fixtures(Path(tmp)) as server, chromium.launch(
        Path(tmp) / "profile", root / "dist" / "chromium", server.port, env=env, args=["--lang=en-GB"], viewport=VIEWPORT
    ) as context:
        worker = chromium.service_worker(context)
        worker.evaluate("chrome.scripting.getRegisteredContentScripts()")
        return _shoot_page(context, out) + _shoot_extension_pages(context, out)
