"""sites.json: the real list passes, the required sites are there, and broken copies fail by name."""

import copy
import json
import shutil
from pathlib import Path

import pytest

from build.data_rules import sites as rules
from build.validate import problems

ROOT = Path(__file__).resolve().parents[2]
SITES = ROOT / "extension" / "data" / "sites.json"

REQUIRED = {  # domain -> category (issue 2)
    "discord.com": "chat",
    "roblox.com": "game",
    "twitch.tv": "video",
    "web.whatsapp.com": "chat",
    "instagram.com": "social",
    "tiktok.com": "social",
    "snapchat.com": "chat",
    "messenger.com": "chat",
    "web.telegram.org": "chat",
    "steamcommunity.com": "game",
    "reddit.com": "social",
    "youtube.com": "video",
    # issue 20: random video chats, and where children 7 to 13 chat or play with strangers in a browser
    "ome.tv": "chat",
    "chatroulette.com": "chat",
    "skribbl.io": "game",
    "gartic.io": "game",
    "garticphone.com": "game",
    "lichess.org": "game",
    "now.gg": "game",
    "play.geforcenow.com": "game",
}


def real():
    return json.loads(SITES.read_text(encoding="utf-8"))


def check(data, tmp_path):
    """Run the same validation the build runs, on sites.json alone."""
    (tmp_path / "sites.json").write_text(json.dumps(data), encoding="utf-8")
    return problems(tmp_path)


def index_of(data, site_id):
    return next(i for i, site in enumerate(data["sites"]) if site["id"] == site_id)


def test_real_data_passes(tmp_path):
    shutil.copy(SITES, tmp_path / "sites.json")
    assert problems(tmp_path) == []


def test_required_sites_present_with_their_categories():
    by_domain = {d: site["category"] for site in real()["sites"] for d in site["domains"]}
    assert {d: by_domain.get(d) for d in REQUIRED} == REQUIRED


def test_every_report_page_is_checked_and_sourced_on_the_sites_own_help():
    for site in real()["sites"]:
        if "report" not in site:
            continue
        report = site["report"]
        assert report["url"].startswith("https://") and report["source"].startswith("https://"), site["id"]
        assert report["evidence"] in {"official", "government"}, site["id"]


def test_a_site_without_a_confirmed_report_page_is_still_listed():
    # A chat site belongs on the list because children meet strangers there (issue 20).
    without = {site["id"] for site in real()["sites"] if "report" not in site}
    assert {"ometv", "chatroulette"} <= without


# Each case: a change to a copy of the real data, and text the problem must contain.
def _set(site_id, path, value):
    def change(data):
        target = data["sites"][index_of(data, site_id)]
        *parents, last = path
        for key in parents:
            target = target[key]
        target[last] = value
    return change


def _drop(site_id, key):
    return lambda data: data["sites"][index_of(data, site_id)].pop(key)


def _add_domain(site_id, domain):
    return lambda data: data["sites"][index_of(data, site_id)]["domains"].append(domain)


def _duplicate_id(data):
    data["sites"][index_of(data, "twitch")]["id"] = "discord"


BROKEN = {
    "duplicate domain": (_add_domain("youtube", "twitch.tv"), "sites/twitch/domains: 'twitch.tv' is also claimed by site 'youtube'"),
    "overlapping domain": (_add_domain("youtube", "whatsapp.com"), "sites/youtube/domains: 'whatsapp.com' overlaps 'web.whatsapp.com'"),
    "duplicate id": (_duplicate_id, "/id: 'discord' is used by more than one site"),
    "report off-domain": (_set("discord", ["report", "url"], "https://example.com/help"), "sites/discord/report/url: host 'example.com'"),
    "report look-alike suffix": (_set("discord", ["report", "url"], "https://discord.com.evil.io/report"), "sites/discord/report/url: host 'discord.com.evil.io'"),
    "report look-alike prefix": (_set("discord", ["report", "url"], "https://evildiscord.com/report"), "sites/discord/report/url: host 'evildiscord.com'"),
    "report on another site's help": (_set("discord", ["report", "url"], "https://help.instagram.com/454180787965921"), "sites/discord/report/url"),
    "report http": (_set("discord", ["report", "url"], "http://discord.com/safety/1"), "sites/{discord}/report/url"),
    "report with userinfo": (_set("discord", ["report", "url"], "https://discord.com@evil.io/x"), "sites/{discord}/report/url"),
    "source http": (_set("discord", ["report", "source"], "http://discord.com/safety/1"), "sites/{discord}/report/source"),
    "bad category": (_set("roblox", ["category"], "games"), "sites/{roblox}/category"),
    "denied domain": (_add_domain("reddit", "bbc.co.uk"), "sites/reddit/domains: 'bbc.co.uk' is on the deny list"),
    "denied subdomain": (_add_domain("reddit", "en.wikipedia.org"), "sites/reddit/domains: 'en.wikipedia.org' is on the deny list"),
    "denied parent": (_add_domain("reddit", "co.uk"), "sites/reddit/domains: 'co.uk' is on the deny list"),
    "report without evidence": (lambda d: d["sites"][index_of(d, "twitch")]["report"].pop("evidence"), "sites/{twitch}/report: 'evidence' is a required property"),
    "report evidence reported": (_set("twitch", ["report", "evidence"], "reported"),
                                 "sites/twitch/report/evidence: 'reported' is accepted only for phone and text numbers of child helplines"),
    "report evidence unknown": (_set("twitch", ["report", "evidence"], "secondary"), "sites/{twitch}/report/evidence: 'secondary' is not one of"),
    "missing checked": (lambda d: d["sites"][index_of(d, "twitch")]["report"].pop("checked"), "sites/{twitch}/report: 'checked' is a required property"),
    "bad date": (_set("twitch", ["report", "checked"], "2026-13-01"), "sites/{twitch}/report/checked"),
    "domain with scheme": (_set("twitch", ["domains"], ["https://twitch.tv"]), "sites/{twitch}/domains/0"),
    "domain with path": (_set("twitch", ["domains"], ["twitch.tv/chat"]), "sites/{twitch}/domains/0"),
    "wildcard domain": (_set("twitch", ["domains"], ["*.twitch.tv"]), "sites/{twitch}/domains/0"),
    "uppercase domain": (_set("twitch", ["domains"], ["Twitch.tv"]), "sites/{twitch}/domains/0"),
    "bad id": (_set("twitch", ["id"], "Twitch TV"), "sites/{twitch}/id"),
    "unknown key": (_set("twitch", ["colour"], "purple"), "sites/{twitch}: Additional properties are not allowed ('colour'"),
    "unknown report key": (_set("twitch", ["report", "note"], "x"), "sites/{twitch}/report: Additional properties"),
}


@pytest.mark.parametrize("name", BROKEN)
def test_broken_copy_fails_naming_the_field(name, tmp_path):
    change, expected = BROKEN[name]
    data = copy.deepcopy(real())
    change(data)
    # Schema errors name the site by its index; the rules name it by id.
    expected = expected.format(**{site["id"]: i for i, site in enumerate(real()["sites"])})
    found = check(data, tmp_path)
    assert any(expected in p for p in found), found
    assert all(p.startswith("sites.json: ") for p in found)


@pytest.mark.parametrize("host, domain, expected", [
    ("discord.com", "discord.com", True),
    ("support.discord.com", "discord.com", True),
    ("discord.com.evil.io", "discord.com", False),
    ("evildiscord.com", "discord.com", False),
    ("com", "discord.com", False),
])
def test_on_domain_is_label_wise(host, domain, expected):
    assert rules.on_domain(host, domain) is expected


def test_deny_list_covers_each_kind():
    for domain in ["bbc.co.uk", "google.com", "paypal.com", "gov.uk", "wikipedia.org"]:
        assert domain in rules.DENIED


def test_the_readme_lists_every_site_and_counts_them():
    # The README's promise to parents ("a Get help button on N ... sites") is held to the data.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("Shows a round **Get help** button on ")
    paragraph = " ".join(readme[start:readme.index("\n- ", start)].split())
    sites = real()["sites"]
    assert paragraph.startswith(f"Shows a round **Get help** button on {len(sites)} ")
    listed = paragraph[paragraph.index("(") + 1:paragraph.index("; the list")].split(", ")
    assert sorted(listed) == sorted(site["name"] for site in sites)
