"""Debian's chromium with Buoy's build loaded, driven by Playwright (which can't download browsers
here). Every host name resolves to the loopback fixture server; nothing reaches the internet."""

from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import sync_playwright

from build.manifest import chromium_id

CHROMIUM = "/usr/bin/chromium"
QUIET = [  # no background traffic to Google's services
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-domain-reliability",
    "--disable-client-side-phishing-detection", "--disable-breakpad", "--metrics-recording-only",
    "--disable-features=OptimizationHints,MediaRouter,Translate,AutofillServerCommunication,DisableLoadExtensionCommandLineSwitch",
]
EXTENSION_ID = chromium_id()


def resolver_rules(port: int, extra: dict[str, int] | None = None) -> str:
    rules = [f"MAP {host} 127.0.0.1:{p}" for host, p in (extra or {}).items()]
    return ", ".join(rules + [f"MAP * 127.0.0.1:{port}"])


def start(p, profile: Path, extension: Path | None, port: int, *, extra_hosts=None, env=None, args=(), viewport=None):
    """A persistent Chromium context (extensions need one) from Playwright instance `p`, with
    `extension` loaded if given. The caller closes it; several can run side by side (the bench)."""
    flags = [*QUIET, f"--host-resolver-rules={resolver_rules(port, extra_hosts)}", "--ignore-certificate-errors", *args]
    if extension:
        flags += [f"--disable-extensions-except={extension}", f"--load-extension={extension}"]
    return p.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=flags, env=env,
        ignore_https_errors=True, viewport=viewport or {"width": 1280, "height": 800},
        ignore_default_args=["--disable-extensions"],
    )


@contextmanager
def launch(profile: Path, extension: Path | None, port: int, **options):
    """One Chromium context for a `with` block: see start()."""
    with sync_playwright() as p:
        context = start(p, profile, extension, port, **options)
        try:
            yield context
        finally:
            context.close()


def service_worker(context, timeout=10_000):
    for worker in context.service_workers:
        if EXTENSION_ID in worker.url:
            return worker
    return context.wait_for_event("serviceworker", timeout=timeout)


def extension_url(path: str) -> str:
    return f"chrome-extension://{EXTENSION_ID}/{path}"
