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


def settled(read, timeout=10.0, interval=0.1, message="the page to settle"):
    """read()'s value once two reads in a row are the same and not empty (None: not ready to read):
    a page still laying out (a web font arriving, a transition ending) on a loaded machine moves
    between them. For readiness only."""
    last = []

    def agreed():
        now = read()
        same = bool(last) and bool(now) and now == last[0]
        last[:] = [now]
        return same

    wait_for(agreed, timeout, interval, message)
    return last[0]
