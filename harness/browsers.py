"""The two browsers set up the way a child's would be (in the UK unless told otherwise), with Buoy
installed. Every host name is answered by the loopback server on `port`. (The driver waits for the
button's script to be registered before the first web page it opens.)"""

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

from harness import chromium
from harness.firefox import Firefox
from harness.proxy import Proxy

FIREFOX_UUID = "3c9f2b7e-5a1d-4c6e-8f0b-9d2a7e4c1b55"  # fixed, so tests know the panel's moz-extension URL


@dataclass(frozen=True)
class Child:
    """Where a child's browser is: what Buoy picks the country's help from."""
    zone: str = "Europe/London"  # the system time zone (TZ)
    lang: str = "en-GB"  # the browser's language


UK = Child()


def uk_child(child=UK):
    """Chromium options for a child's browser: its time zone and language (on Linux, Chromium takes
    its UI language, and so Buoy's locale, from LANGUAGE)."""
    env = {**os.environ, "TZ": child.zone, "LANGUAGE": child.lang.replace("-", "_")}
    return {"env": env, "args": [f"--lang={child.lang}", f"--accept-lang={child.lang}"]}


@contextmanager
def uk_child_chromium(extension: Path, profile: Path, port: int, child=UK, **options):
    """Chromium with Buoy from `extension` (a build's chromium/ folder); the context carries
    `buoy_worker`, Buoy's service worker."""
    with chromium.launch(profile, extension, port, **uk_child(child), **options) as context:
        context.buoy_worker = chromium.service_worker(context)
        yield context


@contextmanager
def uk_child_firefox(extension: Path, port: int, child=UK, prefs=None, profile=None):
    """Firefox ESR set up like a child's, with Buoy from `extension` (a build's firefox/ folder)
    installed, every request sent to `port`, `prefs` added. `ff.proxy.hosts`
    lists every host it asked for. With a `profile` folder, Buoy is installed for good, as a person
    installs it, the first time, and the profile is kept: start again on it to restart Firefox."""
    # Firefox takes its time zone from TZ at start; the harness passes os.environ on.
    with Proxy(port) as proxy:
        with mock.patch.dict(os.environ, {"TZ": child.zone, "LANG": child.lang.replace("-", "_") + ".UTF-8"}):
            ff = Firefox(proxy.port, uuid=FIREFOX_UUID, prefs={"intl.accept_languages": child.lang, **(prefs or {})},
                         profile=profile)
        with ff:
            if profile is None:
                ff.install_extension(extension)
            elif not (Path(profile) / "extensions" / f"{ff.addon_id}.xpi").exists():
                xpi = shutil.make_archive(str(Path(profile).parent / "buoy"), "zip", extension)
                ff.install_extension(xpi, permanent=True)
            ff.proxy = proxy
            yield ff
