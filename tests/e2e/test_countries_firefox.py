"""Help for the child's own country in real Firefox ESR, from the time zone alone (issue 20): an
Irish child sees Childline's phone and text, a New Zealand child a children's line and a youth line."""

import pytest

from tests.e2e.buoy_firefox import click_in, wait_for_panel
from tests.e2e.conftest import uk_child_firefox, wait_for
from tests.e2e.test_countries_chromium import SCARED_NUMBERS

pytestmark = pytest.mark.firefox
ZONES = {"IE": ("Europe/Dublin", "en_IE.UTF-8"), "NZ": ("Pacific/Auckland", "en_NZ.UTF-8")}


@pytest.mark.parametrize("code", list(ZONES))
def test_the_scared_screen_shows_the_countrys_numbers(dist, server, code):
    with uk_child_firefox(dist / "firefox", server.port, *ZONES[code]) as ff:
        popup = ff.open_extension_page("panel/panel.html")
        wait_for_panel(ff, popup)
        assert ff.evaluate(popup, "document.querySelector('main').dataset.country") == code
        click_in(ff, popup, "button[data-situation='scared']")
        wait_for(lambda: ff.evaluate(popup, "document.querySelector('main').dataset.situation") == "scared",
                 message="scared screen")
        shown = ff.evaluate(popup, "[...document.querySelectorAll('.card')].map((c) => c.innerText).join('\\n')")
        for words in SCARED_NUMBERS[code]:
            assert words in shown, f"{words!r} missing for {code}"
