"""extension/data/help.json: the real data passes; each broken copy fails with a message naming the field."""

import copy
import json
import zoneinfo
from pathlib import Path

import pytest

from build.data_rules import help as rules
from build.validate import problems

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "extension" / "data" / "help.json"
SITUATIONS_FILE = ROOT / "extension" / "data" / "situations.json"
SITUATIONS = {s["id"] for s in json.loads(SITUATIONS_FILE.read_text(encoding="utf-8"))["situations"]}


def real():
    return json.loads(HELP.read_text(encoding="utf-8"))


def run(data, tmp_path):
    (tmp_path / "help.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "situations.json").write_text(SITUATIONS_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    return [p for p in problems(tmp_path) if p.startswith("help.json")]


def test_real_data_passes(tmp_path):
    assert run(real(), tmp_path) == []


def test_real_data_covers_the_countries_of_issue_3():
    data = real()
    assert set(data["countries"]) >= {"GB", "IE", "US", "CA", "AU", "NZ", "INT"}
    assert data["fallback_country"] == "INT"
    for sid in ("childline-gb", "ceop", "report-remove"):  # ids the panel and its tests use
        assert sid in data["countries"]["GB"]["services"]
    for code, country in data["countries"].items():
        listed = [data["services"][s] for s in country["services"]]
        assert {sit for s in listed for sit in s["situations"]} == SITUATIONS, code
        if code != "INT":
            assert country["emergency"]["number"].isdigit(), code
            assert any(s["kind"] == "helpline" for s in listed), code
        assert "take-it-down" in country["services"], code


def test_canada_is_in_french_too():
    data = real()
    assert "fr-CA" in data["countries"]["CA"]["languages"]
    for sid in data["countries"]["CA"]["services"]:
        service = data["services"][sid]
        assert service["name"].get("fr") and service["description"].get("fr"), sid
    assert data["services"]["kids-help-phone"]["name"]["fr"] == "Jeunesse, J'écoute"
    assert data["services"]["cybertip-ca"]["name"]["fr"] == "Cyberaide.ca"


def test_time_zones_are_real_iana_names():
    known = zoneinfo.available_timezones()
    if not known:
        pytest.skip("no tz database on this machine")
    data = real()
    zones = [z for c in data["countries"].values() for z in c["time_zones"]]
    zones += [z for r in data.get("emergency_regions", []) for z in r.get("time_zones", [])]
    zones += [c["hours"]["time_zone"] for s in data["services"].values()
              for c in s.get("contacts", []) if "hours" in c]
    assert [z for z in zones if z not in known] == []
    for must in ("America/Toronto", "America/St_Johns", "Australia/Sydney", "Pacific/Chatham",
                 "Europe/Dublin", "Pacific/Honolulu", "America/Indiana/Indianapolis"):
        assert must in zones


def test_a_european_zone_without_a_country_still_gets_112():
    data = real()
    assert "emergency" not in data["countries"]["INT"]
    eu = [r for r in data["emergency_regions"] if "Europe/Paris" in r.get("time_zones", [])]
    assert eu and eu[0]["number"] == "112"


def _set(path, value):
    def edit(d):
        node = d
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return edit


def _del(path):
    def edit(d):
        node = d
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return edit


def _drop_situation(sit, sids, code):
    def edit(d):
        for sid in d["countries"][code]["services"]:
            s = d["services"][sid]
            s["situations"] = [x for x in s["situations"] if x != sit] or (["talk"] if sit != "talk" else ["scared"])
    return edit


def _unused(d):
    d["services"]["spare"] = copy.deepcopy(d["services"]["ceop"])


def _shared_zone(d):
    d["countries"]["IE"]["time_zones"].append("Europe/London")


def _reported(path):
    """Mark a fact reported, with two sources on two different news sites."""
    def edit(d):
        node = d
        for key in path:
            node = node[key]
        node.pop("source", None)
        node.update(evidence="reported", sources=["https://news-one.example/a", "https://news-two.example/b"],
                    checked="2026-12-03")
    return edit


def _no_regions_no_int_emergency(d):
    del d["emergency_regions"]


BROKEN = [
    ("wrong domain", _set(["services", "ceop", "url"], "https://www.example.com/report"),
     "services/ceop/url: host www.example.com is not on the service's official domains"),
    ("look-alike suffix", _set(["services", "ceop", "url"], "https://www.ceop.police.uk.evil.com/Safety-Centre/"),
     "services/ceop/url: host www.ceop.police.uk.evil.com is not on the service's official domains"),
    ("look-alike with real name first", _set(["services", "childline-gb", "url"], "https://childline.org.uk.example.com/"),
     "services/childline-gb/url: host childline.org.uk.example.com is not on the service's official domains"),
    ("capital I for l", _set(["services", "childline-gb", "url"], "https://www.chiIdline.org.uk/"),
     "services/childline-gb/url: host www.chiIdline.org.uk has capital letters"),
    ("punycode", _set(["services", "childline-gb", "url"], "https://www.xn--chldline-z2a.org.uk/"),
     "services/childline-gb/url: host www.xn--chldline-z2a.org.uk is punycode"),
    ("cyrillic letter", _set(["services", "childline-gb", "url"], "https://www.\u0441hildline.org.uk/"),
     "services/childline-gb/url: host www.\u0441hildline.org.uk has non-ASCII letters"),
    ("credentials in host", _set(["services", "ceop", "url"], "https://www.ceop.police.uk@evil.example/"),
     "services/ceop/url: host www.ceop.police.uk@evil.example carries credentials"),
    ("chat link off domain", _set(["services", "childline-gb", "contacts", 1, "url"], "https://chat.example.org/"),
     "services/childline-gb/contacts/1/url: host chat.example.org is not on"),
    ("French link off domain", _set(["services", "cybertip-ca", "url_by_locale", "fr"], "https://cyberaide.example/"),
     "services/cybertip-ca/url_by_locale/fr: host cyberaide.example is not on"),
    ("source nowhere official", _set(["services", "ceop", "source"], "https://blog.example.net/ceop"),
     "services/ceop/source: host blog.example.net is not on an official domain"),
    ("emergency source nowhere official", _set(["countries", "AU", "emergency", "source"], "https://news.example/000"),
     "countries/AU/emergency/source: host news.example is not on an official domain"),
    ("http URL", _set(["services", "ceop", "url"], "http://www.ceop.police.uk/Safety-Centre/"),
     "help.json: services/ceop/url: 'http://www.ceop.police.uk/Safety-Centre/' does not match"),
    ("letter in a phone number", _set(["services", "childline-gb", "contacts", 0, "number"], "0800 CHILD"),
     "help.json: services/childline-gb/contacts/0/number: '0800 CHILD' does not match"),
    ("letters belong in display", _set(["services", "cybertipline", "contacts", 0, "number"], "1-800-THE-LOST"),
     "services/cybertipline/contacts/0/number: '1-800-THE-LOST' does not match"),
    ("missing checked", _del(["services", "ceop", "checked"]),
     "help.json: services/ceop: 'checked' is a required property"),
    ("checked not a date", _set(["services", "ceop", "checked"], "25/11/2026"),
     "help.json: services/ceop/checked: '25/11/2026'"),
    ("future checked", _set(["services", "ceop", "checked"], "2099-01-01"),
     "help.json: services/ceop/checked: 2099-01-01 is in the future"),
    ("country without emergency number", _del(["countries", "US", "emergency"]),
     "help.json: countries/US/emergency: missing emergency number"),
    ("INT without emergency or regions", _no_regions_no_int_emergency,
     "help.json: countries/INT/emergency: missing emergency number"),
    ("situation unreachable in a country", _drop_situation("wants-pictures", None, "GB"),
     "help.json: countries/GB/services: situation 'wants-pictures' is served by none of this country's services"),
    ("unknown situation id", _set(["services", "ceop", "situations", 0], "bored"),
     "help.json: services/ceop/situations/0: 'bored' is not a situation in situations.json"),
    ("fallback that is no country", _set(["fallback_country"], "XX"),
     "help.json: fallback_country: 'XX' is not a country in countries"),
    ("unknown service id", _set(["countries", "GB", "services", 3], "ceop-typo"),
     "help.json: countries/GB/services/3: unknown service id 'ceop-typo'"),
    ("country without helpline", _set(["countries", "AU", "services"], ["accce", "esafety", "take-it-down"]),
     "help.json: countries/AU/services: no helpline"),
    ("service used nowhere", _unused, "help.json: services/spare: not used by any country"),
    ("unknown key", _set(["services", "ceop", "colour"], "blue"),
     "help.json: services/ceop: Additional properties are not allowed ('colour' was unexpected)"),
    ("unknown contact type", _set(["services", "childline-gb", "contacts", 0, "type"], "pigeon"),
     "help.json: services/childline-gb/contacts/0/type: 'pigeon' is not one of"),
    ("description without English", _set(["services", "ceop", "description"], {"fr": "Dis-le."}),
     "help.json: services/ceop/description: 'en' is a required property"),
    ("kind outside the set", _set(["services", "ceop", "kind"], "forum"),
     "help.json: services/ceop/kind: 'forum' is not one of"),
    ("hours closing before opening", _set(["services", "netsafe", "contacts", 0, "hours", "weekly", 0, "to"], "07:00"),
     "help.json: services/netsafe/contacts/0/hours/weekly/0: opens at 08:00 but closes at 07:00"),
    ("hours both always and weekly", _set(["services", "childline-gb", "contacts", 0, "hours", "weekly"],
                                          [{"days": ["mon"], "from": "09:00", "to": "17:00"}]),
     "help.json: services/childline-gb/contacts/0/hours:"),
    ("bad clock", _set(["services", "netsafe", "contacts", 0, "hours", "weekly", 0, "from"], "8am"),
     "help.json: services/netsafe/contacts/0/hours/weekly/0/from: '8am' does not match"),
    ("time zone in two countries", _shared_zone,
     "help.json: countries/IE/time_zones/2: Europe/London already belongs to GB"),
    ("punycode official domain", _set(["services", "ceop", "domains"], ["xn--ceop-police-uk.example"]),
     "help.json: services/ceop/domains/0: xn--ceop-police-uk.example is punycode"),
    # Evidence (issue 20): "reported" only for helpline phone and text numbers and emergency numbers.
    ("service without evidence", _del(["services", "ceop", "evidence"]),
     "help.json: services/ceop: 'evidence' is a required property"),
    ("evidence outside the set", _set(["services", "ceop", "evidence"], "secondary"),
     "help.json: services/ceop/evidence: 'secondary' is not one of"),
    ("a service's page only reported", _set(["services", "ceop", "evidence"], "reported"),
     "help.json: services/ceop/evidence: " + rules.REPORTED_ONLY),
    ("a chat link only reported", _reported(["services", "childline-gb", "contacts", 1]),
     "help.json: services/childline-gb/contacts/1/evidence: 'reported' is accepted only for phone and text numbers"),
    ("a reporting line's number only reported", _reported(["services", "cybertipline", "contacts", 0]),
     "help.json: services/cybertipline/contacts/0/evidence: 'reported' is accepted only for phone and text numbers"),
    ("reported from one site twice", _set(["services", "childline-ie", "contacts", 0, "sources"],
                                          ["https://www.independent.ie/a", "https://independent.ie/b"]),
     "help.json: services/childline-ie/contacts/0/sources: evidence reported needs two independent sources"),
    ("reported with one source", _set(["services", "childline-ie", "contacts", 0, "sources"], ["https://www.independent.ie/a"]),
     "help.json: services/childline-ie/contacts/0/sources: ['https://www.independent.ie/a'] is too short"),
    ("reported without sources", _del(["services", "childline-ie", "contacts", 0, "sources"]),
     "help.json: services/childline-ie/contacts/0: 'sources' is a required property"),
    ("reported source a look-alike", _set(["services", "childline-ie", "contacts", 0, "sources", 1], "https://news.xn--e1a.example/x"),
     "help.json: services/childline-ie/contacts/0/sources/1: host news.xn--e1a.example is punycode"),
    ("official without source", _del(["services", "netsafe", "contacts", 0, "source"]),
     "help.json: services/netsafe/contacts/0: 'source' is a required property"),
    ("a phone number without evidence", _del(["services", "childline-gb", "contacts", 0, "evidence"]),
     "help.json: services/childline-gb/contacts/0: 'evidence' is a required property"),
    ("a French keyword on another site", _set(["services", "kids-help-phone", "contacts", 1, "message_by_locale", "fr"],
                                             {"message": "TEXTO", "evidence": "official", "source": "https://texto.example/",
                                              "checked": "2026-12-03"}),
     "help.json: services/kids-help-phone/contacts/1/message_by_locale/fr/source: host texto.example is not on"),
    ("emergency without evidence", _del(["countries", "AU", "emergency", "evidence"]),
     "help.json: countries/AU/emergency: 'evidence' is a required property"),
    # Descriptions in the country's own language and in English (issue 17), and, on the everywhere-else
    # card, in every language Buoy speaks.
    ("no Czech", _del(["services", "linka-bezpeci", "description", "cs"]),
     "services/linka-bezpeci/description: not written in cs (a child in CZ may read it in that language)"),
    ("no Italian in Switzerland", _del(["services", "clickandstop", "description", "it"]),
     "services/clickandstop/description: not written in it (a child in CH may read it in that language)"),
    ("no Spanish in the US", _del(["services", "childhelp", "description", "es"]),
     "services/childhelp/description: not written in es (a child in US may read it in that language)"),
    ("no Dutch for everywhere else", _del(["services", "child-helpline-international", "description", "nl"]),
     "services/child-helpline-international/description: not written in nl (a child in INT may read it"),
]


@pytest.mark.parametrize("edit,expected", [(e, x) for _, e, x in BROKEN], ids=[n for n, _, _ in BROKEN])
def test_broken_copy_fails_naming_the_field(edit, expected, tmp_path):
    data = real()
    edit(data)
    found = run(data, tmp_path)
    assert any(expected in message for message in found), "\n".join(found) or "no problem found"


def test_reported_is_accepted_for_helpline_numbers_and_emergency_numbers(tmp_path):
    data = real()
    for path in (["services", "childline-gb", "contacts", 0], ["countries", "AU", "emergency"], ["emergency_regions", 0]):
        _reported(path)(data)
    assert run(data, tmp_path) == []


def test_every_number_a_child_calls_or_texts_says_how_it_was_confirmed():
    data = real()
    numbers = [c for s in data["services"].values() for c in s.get("contacts", []) if c["type"] in ("phone", "text")]
    numbers += [c["emergency"] for c in data["countries"].values() if "emergency" in c] + data["emergency_regions"]
    for fact in numbers:
        assert fact["evidence"] in ("official", "government", "reported") and fact["checked"], fact
        assert fact.get("source") or len(fact.get("sources", [])) >= 2, fact


def test_ireland_and_new_zealand_give_a_child_a_number_to_call():
    data = real()
    ie = data["services"]["childline-ie"]["contacts"]
    assert [(c["type"], c["number"]) for c in ie] == [("phone", "1800 66 66 66"), ("text", "50101")]
    assert ie[0]["hours"]["always"] is True
    nz = data["countries"]["NZ"]["services"]
    # A children's line first, then a youth line; 1737 (all ages) after them.
    assert nz.index("whats-up") < nz.index("youthline") < nz.index("need-to-talk-1737")
    whats_up = data["services"]["whats-up"]["contacts"][0]
    assert whats_up["number"] == "0800 942 8787" and "weekly" in whats_up["hours"]
    youthline = {c["type"]: c["number"] for c in data["services"]["youthline"]["contacts"]}
    assert youthline == {"phone": "0800 376 633", "text": "234"}
    netsafe_text = [c for c in data["services"]["netsafe"]["contacts"] if c["type"] == "text"]
    assert [(c["number"], c["message"]) for c in netsafe_text] == [("4282", "Netsafe")]


def test_a_line_not_open_day_and_night_has_its_hours_or_is_not_offered_as_a_call():
    # Cybertip.ca is a reporting line with no hours found: its web form is offered, not a phone at night.
    data = real()
    assert not any(c["type"] == "phone" for c in data["services"]["cybertip-ca"].get("contacts", []))
    text = data["services"]["kids-help-phone"]["contacts"][1]
    assert (text["message"], text["message_by_locale"]["fr"]["message"]) == ("CONNECT", "TEXTO")


def test_rules_see_the_clock_they_are_given():
    import datetime
    data = real()
    everything = {"help": data, "situations": json.loads(SITUATIONS_FILE.read_text(encoding="utf-8"))}
    assert rules.check(data, everything, today=datetime.date(2026, 12, 3)) == []
    early = rules.check(data, everything, today=datetime.date(2026, 12, 2))
    assert any(m.startswith("services/ceop/checked: 2026-12-03 is in the future") for m in early)


# Issue 17: every EU member state, Norway, Iceland, Switzerland, India, South Africa, the Philippines
# and Singapore. Each has its own card with a helpline, or is named in docs/DATA.md's list of countries
# left on the everywhere-else card (with why); never both, never neither.
ISSUE_17 = {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
            "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "NO", "IS", "CH", "IN", "ZA", "PH", "SG"}


def _documented_fallbacks() -> set[str]:
    import re
    text = (ROOT / "docs" / "DATA.md").read_text(encoding="utf-8")
    section = text.split("### Countries left on the everywhere-else card", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^- \*\*([A-Z]{2})\*\*", section, flags=re.M))


def test_every_issue_17_country_has_a_helpline_or_is_documented_as_fallback():
    data = real()
    fallbacks = _documented_fallbacks()
    with_card = {code for code, c in data["countries"].items()
                 if any(data["services"][s]["kind"] == "helpline" for s in c["services"])}
    assert fallbacks, "docs/DATA.md lists no fallback countries"
    assert fallbacks.isdisjoint(data["countries"]), "a documented fallback country has its own card"
    assert ISSUE_17 - with_card == fallbacks


def test_a_fallback_country_still_gets_its_emergency_number_where_one_is_confirmed():
    data = real()
    regional = {z for r in data["emergency_regions"] for z in r.get("time_zones", [])}
    for zone in ("Europe/Paris", "Europe/Amsterdam", "Europe/Rome", "Atlantic/Reykjavik", "Asia/Kolkata"):
        assert zone in regional, zone


def test_shared_zones_are_settled_by_language():
    data = real()
    assert data["shared_time_zones"] == ["Europe/Berlin"]
    sharers = [c for c, v in data["countries"].items() if "Europe/Berlin" in v["time_zones"]]
    assert sharers[0] == "DE" and set(sharers) == {"DE", "DK", "SE", "NO"}
    broken = real()
    broken["shared_time_zones"] = []
    messages = rules.check(broken, {"help": broken})
    assert any(m.startswith("countries/DK/time_zones/1: Europe/Berlin already belongs to DE") for m in messages)
    broken = real()
    broken["countries"]["SE"]["languages"] = []
    assert any(m.startswith("countries/SE/languages: Europe/Berlin is shared") for m in rules.check(broken, {"help": broken}))
    broken = real()
    broken["shared_time_zones"].append("Europe/Vienna")
    assert any(m.startswith("shared_time_zones/1: Europe/Vienna is claimed by 1") for m in rules.check(broken, {"help": broken}))


def test_the_deployment_guide_lists_exactly_the_countries_in_the_data():
    import re
    guide = (ROOT / "docs" / "DEPLOYING.md").read_text(encoding="utf-8")
    row = next(line for line in guide.splitlines() if line.startswith("| `country` |"))
    assert set(re.findall(r"`([A-Z]{2}|INT)`", row)) == set(real()["countries"])
