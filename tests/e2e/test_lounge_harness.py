"""The Lounge harness works: a real chat app under a real site name, a message from someone else."""

import pytest
from playwright.sync_api import sync_playwright

from harness.lounge import run_lounge

OWN_BROWSER = "a browser on The Lounge, the harness under test"

CHROMIUM = "/usr/bin/chromium"
SITE = "discord.com"


@pytest.fixture
def lounge(tmp_path):
    with run_lounge(tmp_path) as lounge:
        yield lounge


@pytest.fixture
def lounge_page(lounge):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                *lounge.chromium_args(SITE),
            ],
        )
        try:
            yield browser.new_page()
        finally:
            browser.close()


@pytest.mark.chromium
def test_message_from_someone_else_shows_in_the_page(lounge, lounge_page):
    page = lounge_page
    page.goto(f"https://{SITE}/")
    lounge.connect(page)
    assert page.locator("#chat .title").inner_text() == "#lobby"

    lounge.say("hello from stranger")

    line = page.locator('#chat .messages .msg[data-type="message"][data-from="stranger"]')
    line.wait_for(timeout=10_000)
    assert line.locator(".content").inner_text() == "hello from stranger"
    assert page.url.startswith(f"https://{SITE}/")
    assert lounge.blocked() == []
