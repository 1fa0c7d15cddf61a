"""Nudges in a real chat app (issue 11): The Lounge on a loopback IRC server, served as discord.com
with its own strict CSP. A message another IRC client sends reaches the child's browser over the
app's websocket and Buoy nudges; the child's own message, typed in the app's box and sent, doesn't.
As in test_nudges_chromium.py, the child's line comes first, so the prompt's words show which
line it was for."""

import shutil

import pytest

from harness import chromium
from harness.browsers import uk_child, wait_until_registered
from harness.chromium_page import wait_for_button, wait_for_panel
from harness.lounge import run_lounge
from harness.nudge_page import NUDGE_TEXT, click, wait_for_nudge, watching
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium

STRANGER = "i have ur pics, pay me or i share them with everyone"  # -> picture-shared
OWN = "can u send a selfie"  # the child's own line, of another kind (wants-pictures)


@pytest.fixture
def lounge_with_buoy(dist, server, tmp_path):
    with run_lounge(tmp_path / "lounge") as lounge:
        options = uk_child()
        with chromium.launch(tmp_path / "profile", dist / "chromium", server.port,
                             extra_hosts={"discord.com": lounge.port}, **options) as context:
            wait_until_registered(chromium.service_worker(context))
            yield lounge, context.new_page()
    shutil.rmtree(tmp_path / "profile", ignore_errors=True)


def test_message_from_another_irc_client_nudges_the_child(lounge_with_buoy):
    lounge, page = lounge_with_buoy
    page.goto("https://discord.com/")
    lounge.connect(page)
    wait_for_button(page)
    wait_for(lambda: watching(page), message="nudge watcher running")

    page.click("#input")
    page.keyboard.type(OWN)
    page.keyboard.press("Enter")
    page.locator('#chat .messages .msg.self[data-type="message"]', has_text=OWN).wait_for()

    lounge.say(STRANGER, nick="stranger")
    page.locator('#chat .messages .msg[data-type="message"][data-from="stranger"]').wait_for()
    shown = wait_for_nudge(page)
    assert shown["text"] == NUDGE_TEXT["picture-shared"]
    assert page.evaluate("document.activeElement.id") == "input"

    click(page, shown["help"])
    panel = wait_for_panel(page)
    panel.wait_for_selector("main[data-situation='picture-shared']")
    assert lounge.blocked() == []
