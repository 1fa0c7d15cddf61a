"""Nothing leaves the device, provably (issue 5), in both browsers: while Buoy is used on several
sites the way a child and a parent would, every request the browser makes is recorded (Chromium: its
DevTools network logs, the service worker's included; Firefox: the loopback proxy all its traffic
goes through, from start-up on, and BiDi's network events), and so is every request the fixture server answering every host
name hears. Each must be one the test itself caused by navigating; a help link opened on purpose
counts as the test's own navigation."""

import json
from urllib.parse import urlsplit

import pytest

from harness.paths import ROOT
from harness.waiting import wait_for

OWN_BROWSER = "every request a browser makes from its start, Buoy's install included"

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())


@pytest.fixture(scope="module")
def used(driver, server):
    """Buoy used the way a child and a parent would, in this module's own fresh browser; returns the
    URLs the test navigated to and what the browser and the server saw."""
    buoy, first_request = driver, len(server.requests)
    recorded = buoy.record_requests()
    navigated = ["https://discord.com/channels/1", "https://www.roblox.com/home", "https://www.bbc.co.uk/news"]
    chat, game, elsewhere = (buoy.open(url) for url in navigated)
    panel = buoy.open_panel(chat)
    buoy.choose_situation(panel, "talk")
    help_url = HELP["services"]["childline-gb"]["url"]  # opened on purpose: the one other URL allowed
    navigated.append(help_url)
    buoy.click_in(panel, ".first-service button[data-service='childline-gb']:not([data-contact])")
    wait_for(lambda: help_url in [url for _, url in buoy.tabs()], message="help tab")
    buoy.open_panel(game)
    assert buoy.button_box(elsewhere) is None  # no button on the unlisted site

    buoy.open_extension_page("panel/panel.html", ready="main[data-country]")
    options = buoy.open_extension_page("options/options.html", ready="#options[data-ready] #field-size-large")
    buoy.click_in(options, "#field-size-large")
    buoy.wait_for_setting("size", "large")
    assert buoy.panel(game) is not None
    seen = {"navigated": navigated, "hosts": recorded(), "urls": recorded.urls(),
            "served": server.requests[first_request:]}
    buoy.reset_settings()
    return seen


def allowed(navigated):
    """(host, path) pairs the test caused: each page it opened, and that page's favicon."""
    pairs = set()
    for url in navigated:
        parts = urlsplit(url)
        pairs |= {(parts.hostname, parts.path or "/"), (parts.hostname, "/favicon.ico")}
    return pairs


def test_the_browser_asked_only_for_hosts_the_test_navigated_to(used):
    ours = [f"{urlsplit(url).hostname}:443" for url in used["navigated"]]
    assert set(used["hosts"]) <= set(ours)
    assert set(ours[:3]) <= set(used["hosts"])  # the sites visited show up: the log did see the traffic


def test_every_url_seen_in_the_browser_was_the_tests_own(used):
    ours = allowed(used["navigated"])
    foreign = [url for url in used["urls"] if url.startswith("http")
               and (urlsplit(url).hostname, urlsplit(url).path or "/") not in ours]
    assert foreign == []
    # The log did see Buoy at work: its panel's files (DevTools) or the help tab it opened (BiDi).
    assert any("/panel/" in url or url == used["navigated"][3] for url in used["urls"])
    assert "https://www.roblox.com/home" in used["urls"]


def test_the_server_answering_every_host_heard_only_the_tests_own_requests(used):
    served = [(host, path.split("?")[0]) for host, path in used["served"]]
    assert [pair for pair in served if pair not in allowed(used["navigated"])] == []
    assert {host for host, _ in served} == {urlsplit(url).hostname for url in used["navigated"]}
