"""The busy chat in a real chat app: The Lounge, a web IRC client (harness/lounge.py),
served under a listed site's name and flooded by another IRC client while the child's page shows
the channel. Unlike the bench's own chat page, its page does the work a real chat does for each
message (Vue rendering, link and nick parsing, scrolling), which is what Buoy is measured against."""

from functools import partial

from tools.bench import probe


def _flood(lounge, rate, seconds, page):
    texts = lounge.flood(rate * seconds, per_second=rate)
    message = '#chat .messages .msg[data-type="message"]'
    page.locator(message, has_text=texts[-1]).wait_for(timeout=60_000)  # the last line drawn: every line is


def lounge_busy_chat(lounge, host, rate, seconds):
    """probe.busy_chat for The Lounge at https://`host`/: connected to its channel first, then
    `rate` lines a second for `seconds` from another IRC user."""
    return partial(probe.busy_chat, url=f"https://{host}/", burst=partial(_flood, lounge, rate, seconds),
                   ready=lounge.connect)
