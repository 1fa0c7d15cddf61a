"""List the facts to confirm live, then fetch every URL in extension/data/*.json and report its
status and where it ends up.

For maintainers with internet access (`invoke check-links`); not part of the default test run.
First come the facts whose evidence is "reported" (a number seen only in two independent sources,
not yet on the service's own site): each is what to confirm live before a release.
Each URL is tried with HEAD, then with GET when HEAD is refused or fails (many sites reject HEAD).
`opener` is injectable: any callable `opener(request, timeout=...)` returning a response with
`.status` (or `.getcode()`) and `.geturl()`, like `urllib.request.build_opener().open`. Tests pass one
that rewrites official hosts to a local server.

    python -m tools.check_links [data_dir]      # prints one line per URL, exits 1 if any is broken
"""

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "extension" / "data"
USER_AGENT = "Buoy-check-links/1 (+https://github.com/; maintainer link check)"
URL_KEYS = ("url", "source")
FACT_KEYS = ("number", "message", "url")  # what a reported fact says, for the person confirming it


def _objects(data_dir: Path):
    """Every JSON object in the data files, outermost first: (file name, its json/path, the object)."""
    def walk(node, path, name):
        if isinstance(node, dict):
            yield name, path, node
            for key, value in node.items():
                yield from walk(value, f"{path}/{key}" if path else str(key), name)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{path}/{i}", name)

    for file in sorted(Path(data_dir).glob("*.json")):
        yield from walk(json.loads(file.read_text(encoding="utf-8")), "", file.name)


def collect_urls(data_dir: Path) -> list[tuple[str, str]]:
    """(where, url) for every https URL in the data files, `where` being file#json/path."""
    found: list[tuple[str, str]] = []
    for name, path, node in _objects(data_dir):
        for key, value in node.items():
            here = f"{path}/{key}" if path else str(key)
            if isinstance(value, str) and value.startswith("https://") and (
                    key in URL_KEYS or path.endswith("url_by_locale")):
                found.append((f"{name}#{here}", value))
            elif key == "sources" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                found.extend((f"{name}#{here}/{i}", v) for i, v in enumerate(value))
    return found


def reported_facts(data_dir: Path) -> list[dict]:
    """Every fact with evidence "reported": where (file#json/path), what it says, and its sources."""
    return [{"where": f"{name}#{path}", "says": " ".join(str(node[k]) for k in FACT_KEYS if k in node),
             "sources": node.get("sources", [])}
            for name, path, node in _objects(data_dir) if node.get("evidence") == "reported"]


def _status(response) -> int:
    status = getattr(response, "status", None)
    return status if status is not None else response.getcode()


def fetch(url: str, opener, timeout: float = 20.0) -> dict:
    result = {"url": url, "method": None, "status": None, "final_url": None, "error": None}
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        result["method"] = method
        try:
            with opener(request, timeout=timeout) as response:
                result.update(status=_status(response), final_url=response.geturl(), error=None)
        except urllib.error.HTTPError as e:
            result.update(status=e.code, final_url=e.geturl() or url, error=f"HTTP {e.code}")
        except (urllib.error.URLError, OSError, ValueError) as e:
            result.update(status=None, final_url=None, error=str(getattr(e, "reason", e)))
        if result["status"] is not None and result["status"] < 400:
            break  # HEAD worked; no need to GET
    result["ok"] = result["status"] is not None and 200 <= result["status"] < 400
    result["redirected"] = bool(result["final_url"]) and result["final_url"] != url
    return result


def check_links(data_dir=DATA, opener=None, timeout: float = 20.0) -> list[dict]:
    """One dict per distinct URL: url, where (every place it is used), method, status, final_url,
    redirected, ok, error."""
    opener = opener or urllib.request.build_opener().open
    places: dict[str, list[str]] = {}
    for where, url in collect_urls(Path(data_dir)):
        places.setdefault(url, []).append(where)
    results = []
    for url, where in places.items():
        result = fetch(url, opener, timeout)
        result["where"] = where
        results.append(result)
    return results


def main(argv=None, opener=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    data_dir = Path(argv[0]) if argv else DATA
    facts = reported_facts(data_dir)
    print(f"Confirm live before a release: {len(facts)} facts seen only in other sources (evidence reported)")
    for fact in facts:
        print(f"  {fact['says']}  at {fact['where']}")
        for url in fact["sources"]:
            print(f"      {url}")
    results = check_links(data_dir, opener)
    for r in results:
        mark = "ok " if r["ok"] else "BAD"
        moved = f" -> {r['final_url']}" if r["redirected"] else ""
        print(f"{mark} {r['status'] or '---'} {r['method']:4} {r['url']}{moved}"
              f"{'  (' + r['error'] + ')' if r['error'] else ''}")
    bad = [r for r in results if not r["ok"]]
    print(f"{len(results)} URLs, {len(bad)} broken")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
