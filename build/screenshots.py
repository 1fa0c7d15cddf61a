"""Pictures for the README, taken from the real build in real Chromium on a local fixture chat."""

import os
import tempfile
from pathlib import Path

from tests.e2e.buoy_page import click_button, wait_for_panel
from tests.helpers import chromium
from tests.helpers.server import serve_fixtures

VIEWPORT = {"width": 960, "height": 640}


def _shoot_page(context, out: Path) -> list[Path]:
    page = context.new_page()
    page.goto("https://discord.com/channels/lobby")
    page.wait_for_load_state("load")
    shots = [out / "button.png"]
    click_button(page)  # waits until the button is drawn
    page.mouse.move(0, 0)
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    page.screenshot(path=shots[0])
    click_button(page)
    wait_for_panel(page)
    page.wait_for_timeout(300)
    shots.append(out / "panel.png")
    page.screenshot(path=shots[-1])
    page.close()
    return shots


def _shoot_extension_pages(context, out: Path) -> list[Path]:
    shots = []
    for name, path in (("popup.png", "panel/panel.html"), ("options.png", "options/options.html")):
        page = context.new_page()
        page.set_viewport_size({"width": 420 if name == "popup.png" else 960, "height": 640})
        response = page.goto(chromium.extension_url(path))
        if response is None or response.ok:
            page.wait_for_timeout(400)
            shots.append(out / name)
            page.screenshot(path=shots[-1], full_page=name != "popup.png")
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
