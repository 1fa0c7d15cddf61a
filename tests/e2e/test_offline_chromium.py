"""Nothing leaves the device, provably (issue 5), in real Chromium: every request the browser makes
while Buoy is used on several sites is recorded four ways (each page's DevTools network log, the
service worker's, Playwright's browser-wide log, and the fixture server that answers every host
name), and each must be one the test itself caused by navigating. A help link opened on purpose
counts as the test's own navigation: exactly that URL is added."""

import json
import shutil
from urllib.parse import urlsplit

import pytest

from harness import chromium
from harness.browsers import uk_child
from harness.chromium_page import click_button, panel_frame, wait_for_button, wait_for_panel
from harness.paths import ROOT
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())
EXTENSION = f"chrome-extension://{chromium.EXTENSION_ID}/"
LOCAL = ("data:", "blob:", "about:", EXTENSION)  # never leave the browser


class Recorder:
    """Every request URL seen by Chromium's DevTools protocol, per page and for the service worker."""

    def __init__(self, context):
        self.urls = []
        self.sessions = []
        context.on("request", lambda r: self.urls.append(r.url))  # browser-wide, frames and popups too
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def watch(self, page):
        cdp = page.context.new_cdp_session(page)
        cdp.on("Network.requestWillBeSent", lambda e: self.urls.append(e["request"]["url"]))
        cdp.send("Network.enable")
        self.sessions.append(cdp)

    def watch_worker(self, context, url):
        """The service worker has no Playwright page: reach it through a page's session (non-flat)."""
        cdp = context.new_cdp_session(context.pages[0])
        target = next(t for t in cdp.send("Target.getTargets")["targetInfos"]
                      if t["type"] == "service_worker" and t["url"] == url)
        session = cdp.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": False})["sessionId"]

        def received(event):
            message = json.loads(event["message"])
            if message.get("method") == "Network.requestWillBeSent":
                self.urls.append(message["params"]["request"]["url"])
            self.worker_answers.append(message)

        self.worker_answers = []
        cdp.on("Target.receivedMessageFromTarget", received)
        cdp.send("Target.sendMessageToTarget",
                 {"sessionId": session, "message": json.dumps({"id": 1, "method": "Network.enable"})})
        pump = context.pages[0].wait_for_timeout  # Playwright delivers events only while it waits
        wait_for(lambda: pump(20) or any(m.get("id") == 1 for m in self.worker_answers), message="worker network log on")
        self.sessions.append(cdp)


@pytest.fixture(scope="module")
def used(dist, server, tmp_path_factory):
    """A fresh Chromium with Buoy, used the way a child and a parent would; returns what it asked for."""
    profile = tmp_path_factory.mktemp("offline-profile")
    first_request = len(server.requests)
    navigated = []

    def visit(page, url):
        navigated.append(url)
        page.goto(url)

    with chromium.launch(profile, dist / "chromium", server.port, **uk_child()) as context:
        recorder = Recorder(context)
        worker = chromium.service_worker(context)
        recorder.watch_worker(context, worker.url)
        wait_for(lambda: worker.evaluate("chrome.scripting.getRegisteredContentScripts().then(s => s.length)"),
                 message="button content script registered")

        chat = context.new_page()
        visit(chat, "https://discord.com/channels/1")
        click_button(chat)
        panel = wait_for_panel(chat)
        panel.click("button[data-situation='talk']")
        # A help link the child opens on purpose: the one URL outside the visited sites allowed.
        help_url = HELP["services"]["childline-gb"]["url"]
        navigated.append(help_url)
        with context.expect_page() as opened:
            panel.click(".first-service button[data-service='childline-gb']:not([data-contact])")
        opened.value.wait_for_load_state()
        assert opened.value.url == help_url

        game = context.new_page()
        visit(game, "https://www.roblox.com/home")
        click_button(game)
        wait_for_panel(game)

        elsewhere = context.new_page()
        visit(elsewhere, "https://www.bbc.co.uk/news")  # not listed: no button

        popup = context.new_page()
        popup.goto(chromium.extension_url("panel/panel.html"))
        popup.wait_for_selector("main[data-country]")

        options = context.new_page()
        options.goto(chromium.extension_url("options/options.html"))
        options.wait_for_selector("#options[data-ready] #field-country")
        options.check("#field-size-large")
        wait_for(lambda: worker.evaluate("chrome.storage.sync.get('settings').then(r => r.settings?.size)") == "large",
                 message="setting saved")
        wait_for(lambda: wait_for_button(chat)["width"] > 56, message="the open chat follows the setting")
        assert panel_frame(game) is not None
        worker_fetches = worker.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
    shutil.rmtree(profile, ignore_errors=True)
    return {"navigated": navigated, "seen": recorder.urls + worker_fetches, "served": server.requests[first_request:]}


def allowed(navigated):
    """(host, path) pairs the test caused: each page it opened, and that page's favicon."""
    pairs = set()
    for url in navigated:
        parts = urlsplit(url)
        pairs |= {(parts.hostname, parts.path or "/"), (parts.hostname, "/favicon.ico")}
    return pairs


def test_every_request_seen_in_the_browser_was_the_tests_own(used):
    ours = allowed(used["navigated"])
    foreign = [url for url in used["seen"] if not url.startswith(LOCAL)
               and (urlsplit(url).hostname, urlsplit(url).path or "/") not in ours]
    assert foreign == []
    assert any(url.startswith(EXTENSION + "panel/") for url in used["seen"])  # the log did see Buoy at work
    assert "https://www.roblox.com/home" in used["seen"]


def test_the_server_answering_every_host_heard_only_the_tests_own_requests(used):
    ours = allowed(used["navigated"])
    served = [(host, path.split("?")[0]) for host, path in used["served"]]
    assert [pair for pair in served if pair not in ours] == []
    assert {host for host, _ in served} == {urlsplit(url).hostname for url in used["navigated"]}
