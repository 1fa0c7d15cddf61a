"""Drive Debian's firefox-esr over its built-in WebDriver BiDi endpoint.

No geckodriver, no Selenium: Firefox is started with --remote-debugging-port
and we speak BiDi JSON over one websocket. All HTTP(S) goes to a loopback
proxy (harness/proxy.py), and user.js turns off every background
feature that would otherwise try to reach the internet.

    with Proxy(https_port=server.port) as proxy, Firefox(proxy.port, uuid=UUID) as ff:
        ff.install_extension("dist/firefox")
        tab = ff.new_tab("https://www.example.org/")
        assert ff.evaluate(tab, "document.title") == "Example"

Quirks met with firefox-esr 153 (Debian), timings on an idle machine:
- --remote-debugging-port=0 works: Firefox picks a free port and prints it on stderr.
- session.new waits for Firefox's idle startup tasks: ~2.5 s of the ~3 s launch.
- webExtension.install with a path is a temporary install (no signing) and
  takes ~0.15 s. Content scripts run on the very next navigation, and an MV3
  add-on's content-script hosts need no grant. permissions.request() from a
  click resolves true without a prompt (webextOptionalPermissionPrompts).
- browsingContext.navigate refuses moz-extension:// URLs unless Firefox runs
  with --remote-allow-system-access. script.getRealms lists extension pages
  but not the background script.
- Subscribing to browsingContext.contextCreated replays it for every existing
  context (the initial about:blank tab included): filter by URL or id.
- A page CSP of default-src/frame-src 'none' does not stop a content script
  from framing a web-accessible moz-extension:// page; the favicon request it
  blocks shows up as a log.entryAdded error.
- Release builds ignore services.settings.server unless
  MOZ_DISABLE_NONLOCAL_CONNECTIONS=1 (then firefox.settings.services.mozilla.com
  is polled at startup), and Widevine updates come from update.googleapis.com
  via media.gmp-manager.chromium-update-url. With the prefs below a 150 s idle
  session asks the proxy for nothing.
- Exception line numbers from script.evaluate are 0-based.
"""

import base64
import contextlib
import ctypes
import json
import math
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid as uuidlib
from collections import deque

from websockets.sync.client import connect

BUOY_ID = "buoy@buoy-help.org"
KEYS = {"Escape": "\ue00c", "Tab": "\ue004", "Enter": "\ue007", "Backspace": "\ue003",
        "ArrowDown": "\ue015", "ArrowUp": "\ue013", "Shift": "\ue008", "Space": " "}

# Everything that would phone home is off; the proxy catches anything missed.
QUIET_PREFS = {
    "app.update.disabledForTesting": True, "app.update.auto": False,
    "app.normandy.enabled": False, "app.normandy.api_url": "",
    "app.shield.optoutstudies.enabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "services.settings.server": "data:,#remote-settings-dummy/v1",
    "toolkit.telemetry.enabled": False, "toolkit.telemetry.unified": False,
    "toolkit.telemetry.server": "", "toolkit.telemetry.archive.enabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "browser.ping-centre.telemetry": False,
    "browser.safebrowsing.malware.enabled": False, "browser.safebrowsing.phishing.enabled": False,
    "browser.safebrowsing.downloads.enabled": False, "browser.safebrowsing.blockedURIs.enabled": False,
    "browser.safebrowsing.provider.google4.updateURL": "",
    "browser.safebrowsing.provider.google.updateURL": "",
    "browser.safebrowsing.provider.mozilla.updateURL": "",
    "network.captive-portal-service.enabled": False, "captivedetect.canonicalURL": "",
    "network.connectivity-service.enabled": False,
    "dom.push.enabled": False, "dom.push.connection.enabled": False, "dom.push.serverURL": "",
    "network.trr.mode": 5,  # DoH off
    "network.dns.disablePrefetch": True, "network.dns.disablePrefetchFromHTTPS": True,
    "network.prefetch-next": False, "network.predictor.enabled": False,
    "network.http.speculative-parallel-limit": 0,
    "browser.urlbar.speculativeConnect.enabled": False,
    "browser.places.speculativeConnect.enabled": False,
    "browser.region.network.url": "", "browser.region.update.enabled": False,
    "browser.search.geoip.url": "", "browser.search.update": False,
    "geo.provider.network.url": "",
    "browser.startup.page": 0, "browser.startup.homepage": "about:blank",
    "browser.newtabpage.enabled": False, "browser.topsites.contile.enabled": False,
    "browser.newtabpage.activity-stream.feeds.topsites": False,
    "browser.newtabpage.activity-stream.feeds.section.topstories": False,
    "browser.newtabpage.activity-stream.showSponsoredTopSites": False,
    "browser.urlbar.quicksuggest.enabled": False,
    "extensions.getAddons.cache.enabled": False, "extensions.getAddons.showPane": False,
    "extensions.getAddons.discovery.api_url": "", "extensions.getAddons.get.url": "",
    "extensions.htmlaboutaddons.recommendations.enabled": False,
    "extensions.update.enabled": False, "extensions.update.autoUpdateDefault": False,
    "extensions.systemAddon.update.enabled": False, "extensions.blocklist.enabled": False,
    "media.gmp-provider.enabled": False, "media.gmp-manager.url": "",
    "media.gmp-manager.chromium-update-url": "",  # Widevine from update.googleapis.com
    "media.gmp-widevinecdm.allow-chromium-update": False,
    "media.gmp-gmpopenh264.enabled": False, "media.gmp-widevinecdm.enabled": False,
    "security.OCSP.enabled": 0, "security.certerrors.mitm.priming.enabled": False,
    "security.remote_settings.crlite_filters.enabled": False,
    "security.remote_settings.intermediates.enabled": False,
    "browser.translations.enable": False, "browser.ml.enable": False,
    "identity.fxaccounts.enabled": False, "browser.discovery.enabled": False,
    "browser.shell.checkDefaultBrowser": False, "browser.uitour.enabled": False,
    "browser.aboutwelcome.enabled": False, "datareporting.policy.firstRunURL": "",
    "startup.homepage_welcome_url": "", "startup.homepage_welcome_url.additional": "",
}
EXTENSION_PREFS = {
    "xpinstall.signatures.required": False,
    "extensions.webextOptionalPermissionPrompts": False,  # permissions.request() resolves without a prompt
}
ENV = {
    "MOZ_CRASHREPORTER_DISABLE": "1",
    # Mozilla's own test-harness switch: without it release builds ignore
    # services.settings.server and poll firefox.settings.services.mozilla.com.
    "MOZ_DISABLE_NONLOCAL_CONNECTIONS": "1",
}


class BidiError(Exception):
    pass


class JsError(Exception):
    pass


class Firefox:
    def __init__(self, proxy_port, uuid=None, addon_id=BUOY_ID, binary="firefox-esr", timeout=30, prefs=None,
                 profile=None):
        """Start firefox-esr; all traffic goes to the proxy at 127.0.0.1:proxy_port; `prefs` added.
        A `profile` folder given is used and kept (a restart); else a new one is made and removed."""
        self.addon_id, self.uuid = addon_id, uuid or str(uuidlib.uuid4())
        self.timeout = timeout
        self.events = []  # (method, params) of every event received, in order
        self.stderr = deque(maxlen=400)  # tail of Firefox's stderr, for failure messages
        self._next_id = 0
        self._own_profile = profile is None
        self.profile = tempfile.mkdtemp(prefix="buoy-ff-") if profile is None else str(profile)
        os.makedirs(self.profile, exist_ok=True)
        self._write_prefs(proxy_port, prefs or {})
        self.process, self._ws = None, None
        self._endpoint, self._found = None, threading.Event()
        try:
            self.process = subprocess.Popen(
                [binary, "--headless", "--remote-debugging-port=0", "--profile", self.profile, "--no-remote",
                 "--remote-allow-system-access"],  # else BiDi refuses to navigate to moz-extension://
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, **ENV},
                start_new_session=True, preexec_fn=_die_with_parent)
            threading.Thread(target=self._read_stderr, daemon=True).start()
            if not self._found.wait(timeout) or not self._endpoint:
                raise BidiError("no BiDi endpoint on stderr:\n" + "\n".join(self.stderr))
            self._ws = connect(self._endpoint + "/session", max_size=None, open_timeout=timeout,
                               legacy=True)  # long-lived, closed in close()
            self.send("session.new", {"capabilities": {"alwaysMatch": {"acceptInsecureCerts": True}}})
        except BaseException:
            self.close()
            raise

    def _write_prefs(self, proxy_port, extra):
        prefs = {**QUIET_PREFS, **EXTENSION_PREFS, **extra,
                 "network.proxy.type": 1, "network.proxy.no_proxies_on": "",
                 "network.proxy.http": "127.0.0.1", "network.proxy.http_port": proxy_port,
                 "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": proxy_port,
                 "network.proxy.allow_hijacking_localhost": True,
                 "extensions.webextensions.uuids": json.dumps({self.addon_id: self.uuid})}
        with open(os.path.join(self.profile, "user.js"), "w") as f:
            for name, value in prefs.items():
                f.write(f"user_pref({json.dumps(name)}, {json.dumps(value)});\n")

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr.append(line.rstrip())
            if "WebDriver BiDi listening on " in line and not self._found.is_set():
                self._endpoint = line.split("listening on ", 1)[1].strip()
                self._found.set()
        self._found.set()  # Firefox exited: stop waiting

    # -- protocol ----------------------------------------------------------------------------

    def send(self, method, params=None):
        """Send one BiDi command and return its result; events received meanwhile are kept."""
        self._next_id += 1
        command_id = self._next_id
        self._ws.send(json.dumps({"id": command_id, "method": method, "params": params or {}}))
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline - time.monotonic())
            if message is None:
                raise BidiError(f"{method}: no answer in {self.timeout}s")
            if message.get("id") == command_id:
                if message.get("type") == "error":
                    raise BidiError(f"{method}: {message['error']}: {message.get('message')}")
                return message["result"]

    def _receive(self, timeout):
        try:
            message = json.loads(self._ws.recv(timeout=max(timeout, 0)))
        except TimeoutError:
            return None
        if message.get("type") == "event":
            self.events.append((message["method"], message["params"]))
        return message

    def subscribe(self, *events, contexts=None):
        """Start keeping events, e.g. "log.entryAdded", "browsingContext.contextCreated"."""
        params = {"events": list(events)}
        if contexts:
            params["contexts"] = list(contexts)
        return self.send("session.subscribe", params).get("subscription")

    def wait_for_event(self, method, predicate=lambda params: True, timeout=None):
        """Return the params of the first kept or coming `method` event that matches."""
        deadline = time.monotonic() + (timeout or self.timeout)
        seen = 0
        while True:
            for name, params in self.events[seen:]:
                if name == method and predicate(params):
                    return params
            seen = len(self.events)
            if self._receive(deadline - time.monotonic()) is None:
                raise BidiError(f"no {method} event in time")

    def received(self, method):
        """Params of every `method` event so far, including ones still in the socket."""
        while self._receive(0) is not None:
            pass
        return [params for name, params in self.events if name == method]

    # -- extension ---------------------------------------------------------------------------

    def install_extension(self, path, permanent=False):
        """Install an unpacked extension folder as a temporary add-on, or an .xpi `permanent`ly
        (kept across a restart; unsigned is allowed by xpinstall.signatures.required); returns its id."""
        data = {"type": "archivePath" if permanent else "path", "path": os.path.abspath(path)}
        return self.send("webExtension.install", {"extensionData": data, "moz:permanent": permanent})["extension"]

    def extension_url(self, path="panel/panel.html"):
        return f"moz-extension://{self.uuid}/{path}"

    def open_extension_page(self, path="panel/panel.html"):
        """A new tab showing one of the extension's own pages; returns its context."""
        return self.new_tab(self.extension_url(path))

    # -- tabs --------------------------------------------------------------------------------

    def new_tab(self, url=None):
        context = self.send("browsingContext.create", {"type": "tab"})["context"]
        if url:
            self.navigate(context, url)
        return context

    def navigate(self, context, url, wait="complete"):
        return self.send("browsingContext.navigate", {"context": context, "url": url, "wait": wait})

    def tabs(self):
        """Top-level browsing contexts as [{"context": id, "url": url}]."""
        tree = self.send("browsingContext.getTree", {"maxDepth": 0})["contexts"]
        return [{"context": c["context"], "url": c["url"]} for c in tree]

    def close_tab(self, context):
        try:
            self.send("browsingContext.close", {"context": context})
        except BidiError as error:  # it closed itself since it was listed: what we wanted
            if "no such frame" not in str(error):
                raise

    def screenshot(self, context, path):
        data = self.send("browsingContext.captureScreenshot", {"context": context})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))
        return path

    # -- script ------------------------------------------------------------------------------

    def evaluate(self, context, expression, sandbox=None):
        """Evaluate in the page's realm (or a named sandbox) and return a Python value."""
        return self._script("script.evaluate", context, sandbox, {"expression": expression})

    def call(self, context, function, *args, sandbox=None):
        """Call a JS function declaration with JSON-like Python arguments."""
        params = {"functionDeclaration": function, "arguments": [_serialize(a) for a in args]}
        return self._script("script.callFunction", context, sandbox, params)

    def _script(self, method, context, sandbox, params):
        target = {"context": context, **({"sandbox": sandbox} if sandbox else {})}
        result = self.send(method, {**params, "target": target, "awaitPromise": True})
        if result["type"] == "exception":
            details = result["exceptionDetails"]
            raise JsError(f"{details['text']} (line {details.get('lineNumber')})")
        return _deserialize(result["result"])

    # -- input -------------------------------------------------------------------------------

    def click(self, context, x, y):
        """A real mouse click at viewport coordinates (x, y)."""
        mouse = {"type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"}, "actions": [
            {"type": "pointerMove", "x": int(x), "y": int(y)},
            {"type": "pointerDown", "button": 0}, {"type": "pointerUp", "button": 0}]}
        self.send("input.performActions", {"context": context, "actions": [mouse]})

    def press(self, context, *keys):
        """Press and release each key in turn: names from KEYS or single characters."""
        actions = []
        for key in keys:
            value = KEYS.get(key, key)
            actions += [{"type": "keyDown", "value": value}, {"type": "keyUp", "value": value}]
        source = {"type": "key", "id": "keyboard", "actions": actions}
        self.send("input.performActions", {"context": context, "actions": [source]})

    # -- shutdown ----------------------------------------------------------------------------

    def close(self):
        """browser.close, then the process group if Firefox lingers, then the profile."""
        if self._ws is not None:
            with contextlib.suppress(Exception):  # the socket may close before the answer
                self.send("browser.close")
            self._ws.close()
            self._ws = None
        if self.process is not None:
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self._own_profile:
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _die_with_parent():
    """Runs in the child: if the test process dies without close(), so does Firefox."""
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG


def _serialize(value):
    """Python value -> BiDi LocalValue."""
    if value is None:
        return {"type": "null"}
    if isinstance(value, bool):
        return {"type": "boolean", "value": value}
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return {"type": "number", "value": "NaN" if math.isnan(value) else
                    ("Infinity" if value > 0 else "-Infinity")}
        return {"type": "number", "value": value}
    if isinstance(value, str):
        return {"type": "string", "value": value}
    if isinstance(value, (list, tuple)):
        return {"type": "array", "value": [_serialize(v) for v in value]}
    if isinstance(value, dict):
        return {"type": "object", "value": [[str(k), _serialize(v)] for k, v in value.items()]}
    raise TypeError(f"cannot pass {type(value).__name__} to JS")


NUMBERS = {"NaN": math.nan, "-0": -0.0, "Infinity": math.inf, "-Infinity": -math.inf}


def _deserialize(remote):
    """BiDi RemoteValue -> Python value; nodes, functions etc. come back as the raw dict."""
    kind, value = remote["type"], remote.get("value")
    if kind in ("undefined", "null"):
        return None
    if kind == "number":
        return NUMBERS.get(value, value) if isinstance(value, str) else value
    if kind in ("string", "boolean", "date"):
        return value
    if kind == "bigint":
        return int(value)
    if kind in ("array", "set"):
        return [_deserialize(v) for v in value or []]
    if kind in ("object", "map"):
        return {k if isinstance(k, str) else _key(k): _deserialize(v) for k, v in value or []}
    return remote


def _key(remote_key):
    key = _deserialize(remote_key)
    return key if isinstance(key, (str, int, float, bool, type(None))) else json.dumps(key)
