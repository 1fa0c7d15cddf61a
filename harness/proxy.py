"""A loopback HTTP proxy that maps every host to one local fixture server.

Browsers under test point all HTTP and HTTPS traffic here, so fixture pages
are served on loopback under real site names, and `hosts` lists every
host:port a browser asked for: a test can prove nothing tried to leave the
device. The target is always 127.0.0.1; this proxy cannot reach anything else.

    with Proxy(https_port=server.port) as proxy:
        ...                      # browser uses 127.0.0.1:proxy.port
        assert proxy.hosts == ["www.example.org:443"]
"""

import select
import socket
import socketserver
import threading

LOOPBACK = "127.0.0.1"


class Proxy:
    def __init__(self, https_port, http_port=None):
        """CONNECT tunnels go to https_port, plain HTTP to http_port (default: the same)."""
        self.https_port = https_port
        self.http_port = http_port or https_port
        self.hosts = []  # "host:port" of every request, in order
        self._lock = threading.Lock()
        self._server = _Server((LOOPBACK, 0), _Handler)
        self._server.proxy = self
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def record(self, host):
        with self._lock:
            self.hosts.append(host)

    def close(self):
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class _Handler(socketserver.StreamRequestHandler):
    rbufsize = 0  # unbuffered: bytes after the request head stay in the socket for the relay

    def handle(self):
        proxy = self.server.proxy
        head = self._read_head()
        if not head:
            return
        method, target, version = head[0].split(" ", 2)
        if method == "CONNECT":
            proxy.record(target)
            try:
                upstream = socket.create_connection((LOOPBACK, proxy.https_port))
            except OSError:
                self.wfile.write(b"HTTP/1.1 502 Bad Gateway\r\n\r\n")
                return
            self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            _pipe(self.connection, upstream)
            return
        # Plain HTTP: absolute-form "http://host[:port]/path" -> origin-form "/path".
        rest = target.split("://", 1)[-1]
        authority, _, path = rest.partition("/")
        proxy.record(authority if ":" in authority else authority + ":80")
        lines = [f"{method} /{path} {version}"]
        for line in head[1:]:
            name = line.split(":", 1)[0].lower()
            if name not in ("connection", "proxy-connection", "keep-alive"):
                lines.append(line)
        lines.append("Connection: close")  # one request per connection keeps the relay trivial
        upstream = socket.create_connection((LOOPBACK, proxy.http_port))
        upstream.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        _pipe(self.connection, upstream)

    def _read_head(self):
        lines = []
        while True:
            line = self.rfile.readline(65537)
            if not line:
                return None
            line = line.decode("latin-1").rstrip("\r\n")
            if not line:
                return lines or None
            lines.append(line)


def _pipe(client, upstream):
    """Relay bytes both ways until either side closes."""
    sockets = [client, upstream]
    try:
        while True:
            readable, _, _ = select.select(sockets, [], [], 30)
            if not readable:
                return
            for sock in readable:
                data = sock.recv(65536)
                if not data:
                    return
                (upstream if sock is client else client).sendall(data)
    except OSError:
        pass
    finally:
        upstream.close()
