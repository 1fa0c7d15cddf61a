"""Fixture pages over HTTPS on loopback, answering for any host name the browser maps to it.

Pages live in tests/fixtures/. A page `x.html` may have `x.headers.json` beside it with response
headers (a strict Content-Security-Policy, say). Every request is recorded, so a test can prove what
the browser asked for.
"""

import json
import ssl
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from harness.paths import FIXTURES

TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png"}


def make_cert(folder: Path) -> tuple[Path, Path]:
    key, cert = folder / "key.pem", folder / "cert.pem"
    if not cert.exists():
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=buoy-fixtures",
             "-keyout", str(key), "-out", str(cert)],
            check=True, capture_output=True,
        )
    return key, cert


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path):
        super().__init__(("127.0.0.1", 0), Handler)
        self.root = root
        self.requests: list[tuple[str, str]] = []  # (host, path)
        self.routes: dict[str, str] = {}  # host -> page served at "/"

    @property
    def port(self) -> int:
        return self.server_address[1]

    def handle_error(self, request, client_address):
        # A connection the browser dropped, or one that never spoke TLS (its handshake now fails in
        # the request's thread): nothing the tests asked for, nothing to print.
        if not isinstance(sys.exc_info()[1], (ssl.SSLError, ConnectionError)):
            super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        server: FixtureServer = self.server
        host = (self.headers.get("Host") or "").split(":")[0]
        server.requests.append((host, self.path))
        file = (server.root / self.path.split("?")[0].lstrip("/")).resolve()
        if server.root.resolve() not in file.parents or not file.is_file():
            # Any other path is the site's page: a chat unless the test routed the host elsewhere.
            file = server.root / server.routes.get(host, "chat.html")
        body = file.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", TYPES.get(file.suffix, "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        extra = file.with_name(file.stem + ".headers.json")
        if extra.exists():
            for name, value in json.loads(extra.read_text()).items():
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def serve_fixtures(tmp: Path, root: Path = FIXTURES):
    key, cert = make_cert(tmp)
    server = FixtureServer(root)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    # The TLS handshake happens in each request's own thread, not in accept(): a connection that
    # opens and says nothing (a browser's speculative socket) must not stall every other page.
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
