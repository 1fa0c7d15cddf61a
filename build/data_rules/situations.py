"""Rules for extension/data/situations.json that its JSON Schema cannot say.

- each id once (help.py checks that services name only these);
- in every country of help.json, some service serves the situation and is of a kind in `prefer`,
  so every button leads somewhere;
- per-country steps are for countries help.json knows;
- every step cites at least one page read on an official or government site, no source is
  evidence reported (accepted only for helpline and emergency numbers), and every source is on an
  official domain (a help service's, help.py's OFFICIAL_SOURCES, or EXTRA_SOURCES below);
- the icon file exists in extension/panel/icons/;
- every label and step is written in every UI language (_locales), so a child never reads Buoy's
  buttons in one language and what to do in another.
"""

from pathlib import Path

from build.data_rules.help import LANGUAGES, OFFICIAL_SOURCES, REPORTED_ONLY, _check_url

ICONS = Path(__file__).resolve().parents[2] / "extension" / "panel" / "icons"

# Official advice pages of bodies that are not listed services (each [seen] in research/help-routing.md,
# or quoted in docs/research/countries.md's country-specific steps).
EXTRA_SOURCES = (
    "thinkuknow.co.uk",   # NCA-CEOP, former name of CEOP Education
    "protectchildren.ca",  # Canadian Centre for Child Protection
    "rcmp.ca",            # Royal Canadian Mounted Police
    "baer.bayern.de",     # BAER, the Bavarian state's parenting guide (Bavarian family ministry): sextortion
)


def _reachable(situation: dict, country: dict, services: dict) -> bool:
    return any(
        situation["id"] in services[sid]["situations"] and services[sid]["kind"] in situation["prefer"]
        for sid in country["services"] if sid in services
    )


def _check_languages(field: str, text: dict, found: list[str]) -> None:
    missing = [lang for lang in LANGUAGES if lang not in text]
    if missing:
        found.append(f"{field}: not written in {', '.join(missing)} (every UI language is needed: "
                     f"{', '.join(LANGUAGES)})")


def check(data: dict, everything: dict) -> list[str]:
    found: list[str] = []
    help_data = everything.get("help", {})
    countries, services = help_data.get("countries", {}), help_data.get("services", {})
    allow = tuple(sorted({d for s in services.values() for d in s.get("domains", [])})) + OFFICIAL_SOURCES + EXTRA_SOURCES

    ids = [s["id"] for s in data["situations"]]
    for i, sid in enumerate(ids):
        if ids.index(sid) != i:
            found.append(f"situations/{i}/id: {sid!r} appears twice")

    for i, situation in enumerate(data["situations"]):
        base = f"situations/{i}"
        _check_languages(f"{base}/label", situation["label"], found)
        if not (ICONS / situation["icon"]).is_file():
            found.append(f"{base}/icon: no file extension/panel/icons/{situation['icon']}")
        for code, country in countries.items():
            if not _reachable(situation, country, services):
                found.append(f"{base}: in {code} no service serves {situation['id']!r} with a kind in prefer "
                             f"({', '.join(situation['prefer'])})")
        for key, steps in situation["steps"].items():
            if key != "default" and key not in countries:
                found.append(f"{base}/steps/{key}: not a country in help.json")
            for s_i, step in enumerate(steps):
                sbase = f"{base}/steps/{key}/{s_i}"
                _check_languages(f"{sbase}/text", step["text"], found)
                if not any(src["evidence"] in ("official", "government") for src in step["sources"]):
                    found.append(f"{sbase}/sources: no source read on an official or government site")
                for u_i, src in enumerate(step["sources"]):
                    if src["evidence"] == "reported":
                        found.append(f"{sbase}/sources/{u_i}/evidence: {REPORTED_ONLY}")
                    _check_url(f"{sbase}/sources/{u_i}/url", src["url"], [], found, allow=allow)
    return found
