"""A school's policy for Buoy, the way each browser's enterprise policy delivers it to
chrome.storage.managed (the `3rdparty` extension settings)."""

import json
import os
from contextlib import contextmanager
from pathlib import Path

CHROMIUM_POLICIES = Path("/etc/chromium/policies/managed")  # Chromium reads only this, system-wide


@contextmanager
def chromium_policy(policy, extension_id):
    """Write the policy where Chromium reads it (root only); removed after the block."""
    if os.geteuid() != 0:
        raise PermissionError(f"writing {CHROMIUM_POLICIES} needs root")
    CHROMIUM_POLICIES.mkdir(parents=True, exist_ok=True)
    path = CHROMIUM_POLICIES / "buoy-test.json"
    path.write_text(json.dumps({"3rdparty": {"extensions": {extension_id: policy}}}))
    try:
        yield
    finally:
        path.unlink(missing_ok=True)


def firefox_policy_prefs(policy, extension_id, folder: Path):
    """Prefs that make Firefox read the policy from a policies.json in `folder`, not from the system:
    browser.policies.alternatePath is honoured in automation, which that long pref together with
    MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 (harness/firefox.py sets it) turns on."""
    path = folder / "policies.json"
    path.write_text(json.dumps({"policies": {"3rdparty": {"Extensions": {extension_id: policy}}}}))
    return {"browser.policies.alternatePath": str(path),
            "security.turn_off_all_security_so_that_viruses_can_take_over_this_computer": True}
