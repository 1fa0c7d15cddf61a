"""Why Buoy asks for each permission: build/store/permission_reasons.json, plus one reason per listed
site for its host permissions (from extension/data/sites.json, so a new site needs no edit here).
The permission tests and the store listings both read these, so they can't drift."""

import json
from pathlib import Path

REASONS_FILE = Path(__file__).parent / "store" / "permission_reasons.json"


def load_reasons() -> dict:
    return json.loads(REASONS_FILE.read_text(encoding="utf-8"))


def site_patterns(site: dict) -> list[str]:
    """The host patterns one site adds (build/manifest.py's host_patterns is their union)."""
    return [p for d in site["domains"] for p in (f"https://{d}/*", f"https://*.{d}/*")]


def host_reasons(sites: dict, reasons: dict) -> dict[str, str]:
    return {pattern: reasons["hosts"].format(site=site["name"])
            for site in sites["sites"] for pattern in site_patterns(site)}


def justify(manifest: dict, sites: dict, reasons: dict | None = None) -> list[dict]:
    """Every permission, host, exposed file and shortcut the manifest declares, with its reason.
    Raises ValueError naming each one that has none."""
    reasons = reasons or load_reasons()
    hosts = host_reasons(sites, reasons)
    exposed = {(r["resource"], r["matches"]): r["reason"] for r in reasons["web_accessible_resources"]}
    declared = [("permission", p, reasons["permissions"].get(p)) for p in manifest.get("permissions", [])]
    declared += [("optional permission", p, reasons["optional_permissions"].get(p))
                 for p in manifest.get("optional_permissions", [])]
    declared += [("host", p, hosts.get(p)) for p in manifest.get("host_permissions", [])]
    declared += [("optional host", p, reasons["optional_host_permissions"].get(p))
                 for p in manifest.get("optional_host_permissions", [])]
    declared += [("exposed file", f"{r} to {m}", exposed.get((r, m)))
                 for entry in manifest.get("web_accessible_resources", [])
                 for r in entry["resources"] for m in entry["matches"]]
    declared += [("shortcut", c, reasons["commands"].get(c)) for c in manifest.get("commands", {})]
    missing = [f"{kind} {name}" for kind, name, reason in declared if not reason]
    if missing:
        raise ValueError(f"no reason in {REASONS_FILE.name} for: " + ", ".join(missing))
    return [{"kind": kind, "name": name, "reason": reason} for kind, name, reason in declared]
