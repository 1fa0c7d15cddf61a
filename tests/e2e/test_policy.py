"""A school's policy, in both browsers, delivered the way each browser's enterprise policy does it
(Chromium: a JSON file under /etc/chromium/policies/managed/, which needs root; Firefox: the
`3rdparty` extension settings of a policies.json): it sets Buoy's country and corner; the panel and
the button follow it, the options page shows those settings read-only as set by the organisation,
and a bad value (a size, a language) is reported there and ignored."""

import pytest

from harness.waiting import wait_for

# "pt-BR" is how a school might write Brazilian Portuguese; Buoy's value is the folder name pt_BR.
# Chromium reads its policy folder machine-wide, and watches it: other browsers running beside this
# module's would take the school's settings too.
pytestmark = pytest.mark.alone(reason="Chromium's policy file is read by every Chromium on the machine")

POLICY = {"country": "CA", "corner": "top-left", "size": "enormous", "disabledSites": ["youtube"], "language": "pt-BR"}


@pytest.fixture(scope="module")
def school_policy():
    return POLICY


def disabled(buoy, page, selector):
    return buoy.call(page, "(s) => document.querySelector(s).disabled", selector)


def test_school_policy_sets_country_and_corner_read_only_and_reports_bad_values(buoy):
    # Chromium delivers the policy about 2 s after start; the open options page follows it when it does.
    options = buoy.open_extension_page("options/options.html", ready="#policy-notice")
    wait_for(lambda: disabled(buoy, options, "#field-country"), message="country read-only")
    assert buoy.run(options, "document.querySelector('#field-country').value") == "CA"
    assert "Set by your organisation" in buoy.read(options, "#where")
    assert disabled(buoy, options, "#field-corner-top-left") and buoy.checked(options, "#field-corner-top-left")
    assert disabled(buoy, options, "#site-youtube") and not buoy.checked(options, "#site-youtube")
    assert not disabled(buoy, options, "#field-size-large")  # the bad size is ignored: the parent's choice stands
    assert not disabled(buoy, options, "#field-language")  # so is the bad language: the page stays in English
    assert buoy.run(options, "document.querySelector('#field-language').value") == "auto"
    notice = buoy.read(options, "#policy-notice")
    assert "size" in notice and "enormous" in notice and "country" not in notice
    assert "language" in notice and "pt-BR" in notice

    # Once the policy has arrived, a panel opened shows the school's country.
    panel = buoy.open_extension_page("panel/panel.html", ready="main[data-country]")

    def panel_country():
        buoy.goto(panel, buoy.extension_url("panel/panel.html"))
        buoy.wait_for_selector(panel, "main[data-country]")
        return buoy.run(panel, "document.querySelector('main').dataset.country") == "CA"
    wait_for(panel_country, message="panel shows Canada's help")

    chat = buoy.open("https://discord.com/channels/1")
    wait_for(lambda: (b := buoy.button_box(chat)) and b["x"] < 100 and b["y"] < 100, message="button in the school's corner")
    video = buoy.open("https://www.youtube.com/watch?v=1")  # loaded: the button's script ran at document_start
    assert not buoy.run(video, "!!document.querySelector('buoy-help')")
