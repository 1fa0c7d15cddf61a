"""Rules for extension/data/help.json that a JSON Schema cannot say.

`check(data, everything) -> list[str]`: each message names the field, e.g.
`services/ceop/url: host www.ceop.police.uk.evil.com is not on the service's official domains`.
Runs after the schema has passed (build/validate.py), so the shape can be trusted here.
"""

import datetime
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

from build.messages import text_languages

# The languages Buoy's UI speaks (extension/_locales), as the data's texts are keyed: by language alone.
LANGUAGES = text_languages(Path(__file__).resolve().parents[2] / "extension" / "_locales")

# Official, non-service pages that may be cited as `source` (government and statutory bodies, and the
# parent organisations of listed services). A source must be on one of these or on any service's domains.
OFFICIAL_SOURCES = (
    "nspcc.org.uk",            # NSPCC, runs Childline (UK)
    "ceopeducation.co.uk",     # NCA-CEOP education site (UK)
    "hse.ie",                  # Health Service Executive (Ireland): 112/999
    "112.ie",                  # Irish emergency call answering service
    "protectkidsonline.ca",    # Canadian Centre for Child Protection, runs Cybertip.ca
    "health.govt.nz",          # NZ Ministry of Health: 1737
    "govt.nz",                 # NZ government
    "gov.au",                  # Australian government
    "gov.uk",                  # UK government
    "gc.ca",                   # Government of Canada
    "europa.eu",               # European Union: 112
    "betterinternetforkids.eu",# European Commission's Better Internet for Kids portal (Lithuania's 116 111)
    "bmfsfj.de",               # German federal ministry for families: Nummer gegen Kummer
    "sotsiaalkindlustusamet.ee",  # Estonian Social Insurance Board, runs Lasteabi
    "oh.gov.hu",               # Hungarian Education Authority: Kék Vonal
    "mup.gov.hr",              # Croatian Ministry of the Interior: Red Button
    "alertswiss.ch",           # Swiss Federal Office for Civil Protection: 112
    "vukuzenzele.gov.za",      # South African government newspaper: Childline 116
    "saps.gov.za",             # South African Police Service: 10111
    "112.is",                  # Iceland's emergency line: 112
)

# Look-alike hosts: non-ASCII letters (Cyrillic "с"), punycode labels (xn--) and capital letters
# ("chiIdline" with a capital i) are refused outright; "childline.org.uk.example.com" fails the domain test.
# Evidence "reported" (two independent sources, none the service's own site) is good enough only where
# a child shown no number is worse off than one shown a number every newspaper prints.
REPORTED_ONLY = ("'reported' is accepted only for phone and text numbers of child helplines and for emergency "
                 "numbers; confirm it on the service's own site (official) or a government page (government)")


def _on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _host_problem(url: str) -> tuple[str | None, str | None]:
    """Return (host, problem) for a URL's host, problem None if it is a plain, honest host."""
    parts = urlsplit(url)
    raw = parts.netloc
    if "@" in raw:
        return raw, f"host {raw} carries credentials (user@host), a classic disguise"
    if ":" in raw:
        return raw, f"host {raw} names a port; official pages use the default https port"
    if not raw.isascii():
        return raw, f"host {raw} has non-ASCII letters (possible look-alike)"
    if raw != raw.lower():
        return raw, f"host {raw} has capital letters (possible look-alike such as a capital I for l)"
    if any(label.startswith("xn--") for label in raw.split(".")):
        return raw, f"host {raw} is punycode (xn--), possible look-alike"
    if unicodedata.normalize("NFKC", raw) != raw or raw.endswith("."):
        return raw, f"host {raw} is not in plain form"
    return raw, None


def _check_url(field: str, url: str, domains: list[str], found: list[str], allow=()) -> None:
    host, problem = _host_problem(url)
    if problem:
        found.append(f"{field}: {problem}")
        return
    if any(_on(host, d) for d in domains) or any(_on(host, d) for d in allow):
        return
    what = "the service's official domains" if not allow else "an official domain of any service or OFFICIAL_SOURCES"
    found.append(f"{field}: host {host} is not on {what} ({', '.join(domains) or 'none'})")


def _check_date(field: str, value: str, today: datetime.date, found: list[str]) -> None:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        found.append(f"{field}: {value!r} is not a date (YYYY-MM-DD)")
        return
    if day > today:
        found.append(f"{field}: {value} is in the future (today is {today.isoformat()})")


def _site(url: str) -> str:
    host = urlsplit(url).netloc
    return host[4:] if host.startswith("www.") else host


def _check_evidence(field: str, fact: dict, may_be_reported: bool, found: list[str]) -> None:
    """A reported fact must be one that may be, with two sources from different sites, each a plain host."""
    if fact.get("evidence") != "reported":
        return
    if not may_be_reported:
        found.append(f"{field}/evidence: {REPORTED_ONLY}")
    for u_i, url in enumerate(fact.get("sources", [])):
        _, problem = _host_problem(url)
        if problem:
            found.append(f"{field}/sources/{u_i}: {problem}")
    if len({_site(url) for url in fact.get("sources", [])}) < 2:
        found.append(f"{field}/sources: evidence reported needs two independent sources, on two different sites")


def reading_languages(code: str, country: dict) -> list[str]:
    """The languages a child in this country may read its services in (issue 17): English, the
    country's first language, and each of its languages that Buoy's UI speaks (de-CH, fr-CH, it-CH).
    Everywhere else (INT) may be any of Buoy's languages."""
    if code == "INT":
        return LANGUAGES
    own = [tag.split("-")[0] for tag in country["languages"]]
    return sorted({"en", *own[:1], *(lang for lang in own if lang in LANGUAGES)})


def check(data: dict, everything: dict, today: datetime.date | None = None) -> list[str]:
    today = today or datetime.date.today()
    found: list[str] = []
    services = data["services"]
    countries = data["countries"]
    fallback = data["fallback_country"]  # the everywhere-else entry lib/country.js falls back to
    situations = [s["id"] for s in everything.get("situations", {}).get("situations", [])]
    every_domain = sorted({d for s in services.values() for d in s["domains"]})
    source_allow = tuple(every_domain) + OFFICIAL_SOURCES

    # Services: every URL on the service's own domains; sources on any official domain.
    for sid, service in services.items():
        base = f"services/{sid}"
        for d_i, domain in enumerate(service["domains"]):
            if domain.startswith("xn--") or ".xn--" in domain:
                found.append(f"{base}/domains/{d_i}: {domain} is punycode (xn--), possible look-alike")
        _check_url(f"{base}/url", service["url"], service["domains"], found)
        for locale, url in service.get("url_by_locale", {}).items():
            _check_url(f"{base}/url_by_locale/{locale}", url, service["domains"], found)
        _check_url(f"{base}/source", service["source"], service["domains"], found, allow=source_allow)
        _check_date(f"{base}/checked", service["checked"], today, found)
        _check_evidence(base, service, False, found)
        for s_i, sit in enumerate(service["situations"]):
            if sit not in situations:
                found.append(f"{base}/situations/{s_i}: {sit!r} is not a situation in situations.json")
        for c_i, contact in enumerate(service.get("contacts", [])):
            cbase = f"{base}/contacts/{c_i}"
            number = contact["type"] in ("phone", "text") and service["kind"] == "helpline"
            _check_evidence(cbase, contact, number, found)
            for locale, keyword in contact.get("message_by_locale", {}).items():
                kbase = f"{cbase}/message_by_locale/{locale}"
                _check_evidence(kbase, keyword, number, found)
                _check_date(f"{kbase}/checked", keyword["checked"], today, found)
                if "source" in keyword:
                    _check_url(f"{kbase}/source", keyword["source"], service["domains"], found, allow=source_allow)
            if "url" in contact:
                _check_url(f"{cbase}/url", contact["url"], service["domains"], found)
            if "address" in contact:
                _check_url(f"{cbase}/address", "https://" + contact["address"].split("@", 1)[1],
                           service["domains"], found)
            if "source" in contact:
                _check_url(f"{cbase}/source", contact["source"], service["domains"], found, allow=source_allow)
            if "checked" in contact:
                _check_date(f"{cbase}/checked", contact["checked"], today, found)
            for w_i, slot in enumerate(contact.get("hours", {}).get("weekly", [])):
                if slot["from"] >= slot["to"]:
                    found.append(f"{cbase}/hours/weekly/{w_i}: opens at {slot['from']} but closes at {slot['to']}")
        if "en" not in service["description"] or len(service["description"]["en"]) > 120:
            found.append(f"{base}/description/en: keep it to one short sentence (120 characters at most)")

    # Countries: existing services only, a helpline, an emergency number, every situation served.
    used = set()
    zone_owner: dict[str, str] = {}
    claims: dict[str, int] = {}
    shared = data.get("shared_time_zones", [])
    for code, country in countries.items():
        base = f"countries/{code}"
        for s_i, sid in enumerate(country["services"]):
            if sid not in services:
                found.append(f"{base}/services/{s_i}: unknown service id {sid!r}")
            used.add(sid)
            missing = [lang for lang in reading_languages(code, country)
                       if sid in services and lang not in services[sid]["description"]]
            if missing:
                found.append(f"services/{sid}/description: not written in {', '.join(missing)} "
                             f"(a child in {code} may read it in that language)")
        listed = [services[s] for s in country["services"] if s in services]
        if not any(s["kind"] in ("helpline", "directory") for s in listed):
            found.append(f"{base}/services: no helpline (a service of kind helpline, or a directory for INT)")
        if code != fallback and not any(s["kind"] == "helpline" for s in listed):
            found.append(f"{base}/services: no helpline (kind helpline) for this country")
        if "emergency" in country:
            emergency = country["emergency"]
            if "source" in emergency:
                _check_url(f"{base}/emergency/source", emergency["source"], [], found, allow=source_allow)
            _check_date(f"{base}/emergency/checked", emergency["checked"], today, found)
            _check_evidence(f"{base}/emergency", emergency, True, found)
        elif code != fallback or not data.get("emergency_regions"):
            found.append(f"{base}/emergency: missing emergency number")
        served = {sit for s in listed for sit in s["situations"]}
        for sit in situations:
            if sit not in served:
                found.append(f"{base}/services: situation {sit!r} is served by none of this country's services")
        for z_i, zone in enumerate(country["time_zones"]):
            # A zone several countries really share (Europe/Berlin is also tzdata's canonical name for Oslo,
            # Stockholm and Copenhagen) is settled by the browser's language: every claimant needs languages to be told apart.
            if zone in zone_owner and zone not in shared:
                found.append(f"{base}/time_zones/{z_i}: {zone} already belongs to {zone_owner[zone]} "
                             "(list it in shared_time_zones if several countries really share it)")
            elif zone in shared and not country["languages"]:
                found.append(f"{base}/languages: {zone} is shared, so the browser's language must be able to name {code}")
            zone_owner.setdefault(zone, code)
            claims[zone] = claims.get(zone, 0) + 1
        if code == fallback and country["time_zones"]:
            found.append(f"{base}/time_zones: {code} is the fallback and must claim no time zone")

    for z_i, zone in enumerate(shared):
        if claims.get(zone, 0) < 2:
            found.append(f"shared_time_zones/{z_i}: {zone} is claimed by {claims.get(zone, 0)} countries, not several")

    for sid in services:
        if sid not in used:
            found.append(f"services/{sid}: not used by any country")

    if fallback not in countries:
        found.append(f"fallback_country: {fallback!r} is not a country in countries")

    for r_i, region in enumerate(data.get("emergency_regions", [])):
        base = f"emergency_regions/{r_i}"
        if "source" in region:
            _check_url(f"{base}/source", region["source"], [], found, allow=source_allow)
        _check_date(f"{base}/checked", region["checked"], today, found)
        _check_evidence(base, region, True, found)
    return found
