"""Nudges read a chat as a person sees it (issue 15), in real Chromium, in fixtures that copy the
markup of six chat apps (tests/fixtures/chat-apps/): a name, a badge or a time drawn in its own
element never merges with the message, and an emoji drawn as an <img> is read from its alt.

Per app, in one page: the child's own line and a harmless line pass; a line whose sender's name sits
right before it nudges "scared"; once that is dismissed, in another conversation, a line whose cue is an emoji image
nudges "wants-pictures". As in test_nudges_chromium.py each "doesn't" is proven by order: the
prompt's words show which line it was for."""

import pytest

from tests.e2e.buoy_page import wait_for_button
from tests.e2e.chat_apps import APPS, BOX, ELSEWHERE, EMOJI, HARMLESS, NAMED, OWN
from tests.e2e.conftest import wait_for
from tests.e2e.nudge_page import NUDGE_TEXT, click, nudge, watching

pytestmark = pytest.mark.chromium


def words(page):
    return (nudge(page) or {}).get("text")


@pytest.mark.parametrize("app", APPS)
def test_a_chat_app_is_read_as_a_person_sees_it(page, app):
    page.goto(APPS[app])
    wait_for_button(page)
    wait_for(lambda: watching(page), message="nudge watcher running")

    page.click(BOX)
    page.keyboard.type(OWN)
    page.keyboard.press("Enter")  # the app shows it as the child's own message
    page.wait_for_function("(own) => document.body.innerText.includes(own)", arg=OWN)
    page.evaluate("(line) => receive('jo', line)", HARMLESS)
    page.evaluate("(line) => receive('sam', line)", NAMED)
    wait_for(lambda: words(page) == NUDGE_TEXT["scared"], message=f"{app}: nudge for the named line")
    click(page, nudge(page)["dismiss"])  # one prompt at a time: "Not now", for this conversation only
    wait_for(lambda: nudge(page) is None, message="nudge dismissed")

    page.evaluate("(path) => history.pushState(null, '', path)", ELSEWHERE)
    page.evaluate("(line) => receive('sam', line)", EMOJI)
    wait_for(lambda: words(page) == NUDGE_TEXT["wants-pictures"], message=f"{app}: nudge for the emoji line")
