"""Nothing leaves the device, provably (issue 5), in real Firefox ESR: all of Firefox's traffic goes
through a loopback proxy that records every host it is asked for, from start-up on; while Buoy is
used on several sites, that list must hold only the hosts the test navigated to (a help link opened
on purpose counts as the test's own navigation)."""

import json
from urllib.parse import urlsplit

import pytest

from harness.firefox_page import button_drawn, click_in, open_panel, wait_for_panel
from harness.paths import ROOT
from harness.waiting import wait_for

pytestmark = pytest.mark.firefox

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())


@pytest.fixture(scope="module")
def used(firefox, server):
    """Buoy used the way a child and a parent would; returns the URLs the test itself navigated to."""
    ff, first_request = firefox, len(server.requests)
    navigated = ["https://discord.com/channels/1", "https://www.roblox.com/home", "https://www.bbc.co.uk/news"]
    chat, game, elsewhere = (ff.new_tab(url) for url in navigated)
    open_panel(ff, chat)
    frame = open_panel(ff, game)
    click_in(ff, frame, "button[data-situation='talk']")
    wait_for(lambda: ff.evaluate(frame, "document.querySelector('main').dataset.situation") == "talk", message="talk screen")
    help_url = HELP["services"]["childline-gb"]["url"]  # opened on purpose: the one other URL allowed
    navigated.append(help_url)
    click_in(ff, frame, ".first-service button[data-service='childline-gb']:not([data-contact])")
    wait_for(lambda: any(t["url"] == help_url for t in ff.tabs()), message="help tab")

    popup = ff.open_extension_page("panel/panel.html")
    wait_for_panel(ff, popup)
    options = ff.open_extension_page("options/options.html")
    wait_for(lambda: ff.evaluate(options, "!!document.querySelector('#options[data-ready] #field-size-large')"),
             message="options ready")
    click_in(ff, options, "#field-size-large")
    wait_for(lambda: ff.evaluate(options, "browser.storage.sync.get('settings').then(r => r.settings?.size)") == "large",
             message="setting saved")
    assert button_drawn(ff, elsewhere) is None  # no button on the unlisted site
    return {"navigated": navigated, "hosts": list(ff.proxy.hosts), "served": server.requests[first_request:]}


def test_firefox_asked_the_proxy_only_for_hosts_the_test_navigated_to(used):
    ours = {f"{urlsplit(url).hostname}:443" for url in used["navigated"]}
    assert set(used["hosts"]) == ours  # every visited host shows up: the proxy did see the traffic


def test_the_server_heard_only_the_tests_own_pages(used):
    ours = set()
    for url in used["navigated"]:
        parts = urlsplit(url)
        ours |= {(parts.hostname, parts.path), (parts.hostname, "/favicon.ico")}
    assert [(host, path) for host, path in used["served"] if (host, path.split("?")[0]) not in ours] == []
