"""Smoke test for the Firefox ESR harness: a tiny extension, a loopback HTTPS
fixture under a real site name, a real click, and proof via the proxy that
Firefox asked for no host but the one under test."""

import json
import shutil

import pytest

from harness.firefox import Firefox
from harness.proxy import Proxy
from harness.server import serve_fixtures
from harness.waiting import wait_for

OWN_BROWSER = "the Firefox client itself is under test"

pytestmark = [
    pytest.mark.firefox,
    pytest.mark.skipif(not shutil.which("firefox-esr"), reason="firefox-esr not installed"),
]

ADDON_ID = "ff-harness@buoy-help.org"
UUID = "6b1f3c2e-0d4a-4e8b-9c1a-2f5e7d9b0a11"
PAGE = """<!doctype html><title>Fixture</title>
<button id="target" style="position:absolute;left:40px;top:60px;width:120px;height:40px"
  onclick="this.dataset.clicked = 'yes'">Click</button>
<script>addEventListener("keydown", (e) => { document.body.dataset.keys += e.key + " "; });
document.body.dataset.keys = "";</script>"""
MANIFEST = {
    "manifest_version": 3, "name": "harness probe", "version": "1.0",
    "browser_specific_settings": {"gecko": {"id": ADDON_ID}},
    "content_scripts": [{"matches": ["https://*.example.org/*"], "js": ["probe.js"]}],
}
PROBE_JS = """const probe = document.createElement("div");
probe.id = "ff-harness-probe";
document.body.append(probe);"""


@pytest.fixture
def probe_server(tmp_path):
    """The shared fixture server, serving only this test's page."""
    root = tmp_path / "pages"
    root.mkdir()
    (root / "probe.html").write_text(PAGE)
    with serve_fixtures(tmp_path, root) as server:
        server.routes["www.example.org"] = "probe.html"
        yield server


@pytest.fixture
def extension(tmp_path):
    folder = tmp_path / "probe-extension"
    (folder / "panel").mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps(MANIFEST))
    (folder / "probe.js").write_text(PROBE_JS)
    (folder / "panel" / "panel.html").write_text("<!doctype html><title>probe panel</title>")
    return folder


def test_firefox_harness(probe_server, extension, tmp_path):
    with Proxy(probe_server.port) as proxy, Firefox(proxy.port, uuid=UUID, addon_id=ADDON_ID) as ff:
        assert ff.install_extension(extension) == ADDON_ID
        ff.subscribe("browsingContext.contextCreated", "log.entryAdded")
        tab = ff.new_tab("https://www.example.org/")

        # The content script runs on the first navigation after install, at document_idle: that can
        # come after the load the navigation waited for (a loaded suite run read it just before).
        assert ff.evaluate(tab, "location.href") == "https://www.example.org/"
        wait_for(lambda: ff.evaluate(tab, "document.getElementById('ff-harness-probe') !== null"),
                 message="the probe's content script in the page")
        # Sandboxes are separate realms: a global set in one is invisible to the page.
        ff.evaluate(tab, "window.marker = 1", sandbox="harness")
        assert ff.evaluate(tab, "typeof window.marker") == "undefined"
        assert ff.evaluate(tab, "window.marker", sandbox="harness") == 1

        # A real mouse click lands on the button.
        assert ff.evaluate(tab, "document.getElementById('target').dataset.clicked") is None
        ff.click(tab, 100, 80)
        assert ff.evaluate(tab, "document.getElementById('target').dataset.clicked") == "yes"

        # Values come back as plain Python.
        value = ff.call(tab, "(a, b) => ({sum: a + b, list: [1, null, undefined, 'x'], "
                             "map: new Map([['k', true]])})", 2, 3)
        assert value == {"sum": 5, "list": [1, None, None, "x"], "map": {"k": True}}

        ff.press(tab, "Escape", "Tab", "x")
        assert ff.evaluate(tab, "document.body.dataset.keys") == "Escape Tab x "
        assert {"context": tab, "url": "https://www.example.org/"} in ff.tabs()

        # Events: the new tab was announced, and the page logged no errors.
        assert tab in [e["context"] for e in ff.received("browsingContext.contextCreated")]
        assert [e["text"] for e in ff.received("log.entryAdded") if e["level"] == "error"] == []
        png = ff.screenshot(tab, tmp_path / "shot.png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        ff.close_tab(tab)
        assert ff.evaluate(ff.open_extension_page(), "document.title") == "probe panel"

    # Nothing else was asked for: no update, telemetry or remote-settings traffic.
    assert proxy.hosts and set(proxy.hosts) == {"www.example.org:443"}
    assert {host for host, _ in probe_server.requests} == {"www.example.org"}
