"""tools/check_links.py against a local http.server on loopback: no internet.

The injectable opener rewrites every https://host/path in the data to http://127.0.0.1:PORT/host/path,
and maps the final URL back, so redirects read as they would on the real sites.
"""

import http.server
import json
import threading
import urllib.error
import urllib.request

import pytest

from tools.check_links import check_links, collect_urls, main, reported_facts


class Handler(http.server.BaseHTTPRequestHandler):
    def _route(self, with_body):
        path = self.path
        if path.endswith("/ok"):
            self._send(200, with_body)
        elif path.endswith("/moved"):
            host = path.split("/")[1]
            self.send_response(301)
            self.send_header("Location", f"/{host}/ok")
            self.end_headers()
        elif path.endswith("/get-only"):
            if with_body:
                self._send(200, True)
            else:
                self._send(405, False)
        else:
            self._send(404, with_body)

    def _send(self, code, with_body):
        body = b"hello" if code == 200 else b"nope"
        self.send_response(code)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_HEAD(self):
        self.server.log.append(("HEAD", self.path))
        self._route(False)

    def do_GET(self):
        self.server.log.append(("GET", self.path))
        self._route(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.log = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def loopback_opener(port):
    base = f"http://127.0.0.1:{port}/"
    inner = urllib.request.build_opener()

    class Back:
        def __init__(self, response):
            self._r = response
            self.status = response.status

        def geturl(self):
            return "https://" + self._r.geturl()[len(base):]

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._r.close()

    def opener(request, timeout=None):
        assert request.full_url.startswith("https://"), request.full_url
        local = base + request.full_url[len("https://"):]
        return Back(inner.open(urllib.request.Request(local, method=request.get_method(),
                                                      headers=dict(request.header_items())), timeout=timeout))

    return opener


@pytest.fixture
def data_dir(tmp_path):
    (tmp_path / "help.json").write_text(json.dumps({
        "countries": {"GB": {"emergency": {"number": "999", "source": "https://gov.example/ok"}}},
        "services": {
            "a": {"url": "https://www.childline.org.uk/ok", "source": "https://www.childline.org.uk/ok",
                  "url_by_locale": {"fr": "https://fr.example/ok"},
                  "contacts": [{"type": "chat", "url": "https://chat.example/moved"},
                               {"type": "phone", "number": "0800 1111"}]},
            "b": {"url": "https://b.example/get-only", "source": "https://b.example/missing"},
        }}), encoding="utf-8")
    (tmp_path / "sites.json").write_text(json.dumps(
        {"sites": [{"report": {"url": "https://site.example/ok", "source": "https://site.example/ok"}}]}))
    return tmp_path


def by_url(results):
    return {r["url"]: r for r in results}


def test_collects_every_url_once_per_place(data_dir):
    urls = [u for _, u in collect_urls(data_dir)]
    assert "https://chat.example/moved" in urls
    assert "https://fr.example/ok" in urls
    assert "https://site.example/ok" in urls
    assert "https://gov.example/ok" in urls
    assert not any("0800" in u for u in urls)


def test_status_redirects_and_fallback(server, data_dir):
    results = by_url(check_links(data_dir, opener=loopback_opener(server.server_address[1])))
    assert len(results) == 7  # duplicates are fetched once

    ok = results["https://www.childline.org.uk/ok"]
    assert (ok["ok"], ok["status"], ok["method"], ok["redirected"]) == (True, 200, "HEAD", False)
    assert sorted(ok["where"]) == ["help.json#services/a/source", "help.json#services/a/url"]

    moved = results["https://chat.example/moved"]
    assert moved["ok"] and moved["redirected"]
    assert moved["final_url"] == "https://chat.example/ok"

    get_only = results["https://b.example/get-only"]
    assert (get_only["ok"], get_only["method"], get_only["status"]) == (True, "GET", 200)
    assert ("HEAD", "/b.example/get-only") in server.log and ("GET", "/b.example/get-only") in server.log

    missing = results["https://b.example/missing"]
    assert (missing["ok"], missing["status"], missing["error"]) == (False, 404, "HTTP 404")


def test_unreachable_host_is_reported_not_raised(data_dir):
    def refuse(request, timeout=None):
        raise urllib.error.URLError("connection refused")

    results = check_links(data_dir, opener=refuse)
    assert results and all(not r["ok"] and r["status"] is None for r in results)
    assert all("refused" in r["error"] for r in results)


def test_real_data_urls_are_all_https():
    from tools.check_links import DATA
    urls = collect_urls(DATA)
    assert len(urls) > 20
    assert all(u.startswith("https://") for _, u in urls)


def test_reported_facts_are_listed_first_as_what_to_confirm_live(data_dir, capsys):
    help_file = data_dir / "help.json"
    data = json.loads(help_file.read_text())
    data["services"]["a"]["contacts"][1].update(evidence="reported", sources=["https://news-one.example/ok",
                                                                             "https://news-two.example/ok"])
    help_file.write_text(json.dumps(data))

    def refuse(request, timeout=None):
        raise urllib.error.URLError("no network in tests")

    assert main([str(data_dir)], opener=refuse) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Confirm live before a release: 1 facts seen only in other sources (evidence reported)"
    assert lines[1] == "  0800 1111  at help.json#services/a/contacts/1"
    assert lines[2:4] == ["      https://news-one.example/ok", "      https://news-two.example/ok"]
    assert all(line.startswith("BAD") for line in lines[4:-1])
    # The sources themselves are fetched too, like every other URL in the data.
    assert any("https://news-two.example/ok" in line for line in lines[4:-1])


def test_the_real_data_lists_its_reported_numbers():
    from tools.check_links import DATA
    says = {fact["says"] for fact in reported_facts(DATA)}
    assert {"1800 66 66 66", "50101", "TEXTO"} <= says
