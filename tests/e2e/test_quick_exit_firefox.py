"""Quick exit in Firefox ESR: a real click on the panel's control swaps the chat tab for the
neutral page and closes the help tab the child opened from the panel."""

import shutil

import pytest

from harness.firefox_page import click_in, open_panel
from harness.waiting import wait_for

pytestmark = [
    pytest.mark.firefox,
    pytest.mark.skipif(not shutil.which("firefox-esr"), reason="firefox-esr not installed"),
]

CHAT = "https://discord.com/channels/1"
NEUTRAL = "https://www.google.com/search?q=weather"  # settings.quickExitUrl's default
HELP = "https://www.childline.org.uk/"


def urls(ff):
    return [t["url"] for t in ff.tabs()]


def test_quick_exit_control(firefox):
    tab = firefox.new_tab(CHAT)
    frame = open_panel(firefox, tab)
    click_in(firefox, frame, "button[data-situation='talk']")
    wait_for(lambda: firefox.evaluate(frame, "document.querySelector('main').dataset.situation") == "talk",
             message="the talk screen")
    click_in(firefox, frame, ".first-service button[data-service='childline-gb']:not([data-contact])")
    wait_for(lambda: HELP in urls(firefox), message="help tab open")

    click_in(firefox, frame, "button.quick-exit")
    wait_for(lambda: NEUTRAL in urls(firefox), message="neutral page")
    wait_for(lambda: CHAT not in urls(firefox) and HELP not in urls(firefox), message="chat and help tabs gone")
    neutral = next(t["context"] for t in firefox.tabs() if t["url"] == NEUTRAL)
    assert firefox.evaluate(neutral, "history.length") == 1  # nothing to go Back to
    firefox.close_tab(neutral)
