"""The "someone has a picture of me" steps in real Firefox ESR, set up as a UK child's browser: keep
the chat and their name before blocking (issue 20), in the order the panel shows them."""

import pytest

from tests.e2e.buoy_firefox import click_in, wait_for_panel
from tests.e2e.conftest import wait_for

pytestmark = pytest.mark.firefox


def test_the_chat_is_kept_before_blocking(firefox):
    ff = firefox
    popup = ff.open_extension_page("panel/panel.html")
    try:
        wait_for_panel(ff, popup)
        click_in(ff, popup, "button[data-situation='picture-shared']")
        wait_for(lambda: ff.evaluate(popup, "document.querySelector('main').dataset.situation") == "picture-shared",
                 message="picture-shared screen")
        steps = ff.evaluate(popup, "[...document.querySelectorAll('.steps li')].map((li) => li.innerText)")
        assert [step.split(".")[0] for step in steps] == ["Don't pay", "Keep the chat and their name",
                                                          "Stop replying", "Tell an adult you trust"]
        assert "A screenshot of the chat is OK." in steps[1] and "Never save or send the nude picture." in steps[1]
    finally:
        ff.close_tab(popup)
