"""The bench pages, served on loopback under real listed site names (read from the site data)."""

import json
from pathlib import Path

TEMPLATE = Path(__file__).parent / "pages" / "chat.html"
MESSAGES = {"chat": 20, "long-chat": 2000}  # a small chat, and one with a long history


def bench_hosts(sites_json: Path) -> dict[str, str]:
    """page name -> host: each page on a different listed site, chat sites first; "lounge" is the
    real chat app's (bench/lounge.py)."""
    sites = json.loads(sites_json.read_text())["sites"]
    domains = [s["domains"][0] for s in sorted(sites, key=lambda s: s["category"] != "chat")]
    return dict(zip([*MESSAGES, "busy-chat", "lounge"], domains, strict=False))


def write_pages(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    template = TEMPLATE.read_text()
    for name, count in MESSAGES.items():
        items = "\n".join(f"<li><b>player{i % 7}:</b> message {i} gg that was a good round</li>" for i in range(count))
        (folder / f"{name}.html").write_text(template.replace("<!--messages-->", items))
    (folder / "busy-chat.html").write_text(template.replace("<!--messages-->", ""))
