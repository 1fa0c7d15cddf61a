"""A school's policy in real Chromium: a JSON policy file under /etc/chromium/policies/managed/
sets Buoy's country and corner; the panel and the button follow it, the options page shows those
settings read-only as set by the organisation, and a bad value is reported there and ignored."""

import json
import os
from pathlib import Path

import pytest

from harness import chromium
from harness.browsers import uk_child
from harness.chromium import extension_url
from harness.chromium_page import button_box
from harness.waiting import wait_for

pytestmark = pytest.mark.chromium

POLICY_DIR = Path("/etc/chromium/policies/managed")
POLICY = {"country": "CA", "corner": "top-left", "size": "enormous", "disabledSites": ["youtube"]}


@pytest.fixture
def school_policy():
    if os.geteuid() != 0:
        pytest.skip("writing /etc/chromium/policies needs root")
    POLICY_DIR.mkdir(parents=True, exist_ok=True)
    path = POLICY_DIR / "buoy-test.json"
    path.write_text(json.dumps({"3rdparty": {"extensions": {chromium.EXTENSION_ID: POLICY}}}))
    try:
        yield POLICY
    finally:
        path.unlink(missing_ok=True)


def test_school_policy_sets_country_and_corner_read_only_and_reports_bad_values(dist, server, tmp_path, school_policy):
    with chromium.launch(tmp_path / "profile", dist / "chromium", server.port, **uk_child()) as context:
        # The policy arrives about 2 s after start; the open options page follows it when it does.
        options = context.new_page()
        options.goto(extension_url("options/options.html"))
        options.wait_for_selector("#policy-notice")
        wait_for(lambda: options.is_disabled("#field-country"), message="country read-only")
        assert options.input_value("#field-country") == "CA"
        assert "Set by your organisation" in options.inner_text("#where")
        assert options.is_disabled("#field-corner-top-left") and options.is_checked("#field-corner-top-left")
        assert options.is_disabled("#site-youtube") and not options.is_checked("#site-youtube")
        assert not options.is_disabled("#field-size-large")  # the bad size is ignored: the parent's choice stands
        notice = options.inner_text("#policy-notice")
        assert "size" in notice and "enormous" in notice and "country" not in notice

        # Once the policy has arrived, a panel opened shows the school's country.
        panel = context.new_page()

        def panel_country():
            panel.goto(extension_url("panel/panel.html"))
            panel.wait_for_selector("main[data-country]")
            return panel.get_attribute("main", "data-country") == "CA"
        wait_for(panel_country, message="panel shows Canada's help")

        chat = context.new_page()
        chat.goto("https://discord.com/channels/1")
        wait_for(lambda: (b := button_box(chat)) and b["x"] < 100 and b["y"] < 100, message="button in the school's corner")
        video = context.new_page()
        video.goto("https://www.youtube.com/watch?v=1")
        video.wait_for_load_state("load")
        assert not video.evaluate("() => !!document.querySelector('buoy-help')")
