"""Waiting for a browser to be ready: polling, never sleeping a fixed time, never timing a feature."""

import time


def wait_for(predicate, timeout=10.0, interval=0.05, message="condition"):
    """Poll until predicate() is truthy and return its value; for readiness only, never to assert speed."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {message}")
