"""Buoy's help directory (extension/data/help.json) as the tests read it."""

import json

from harness.paths import ROOT

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())


def helpline(code):
    """The country's child helpline (or its directory of them): the first it lists."""
    return next(HELP["services"][s] for s in HELP["countries"][code]["services"]
                if HELP["services"][s]["kind"] in ("helpline", "directory"))


def expected_texts(code, locale="en"):
    """What a child in that country must see on the panel: the helpline's name in their language,
    its first phone number, and the country's emergency number."""
    service = helpline(code)
    texts = [service["name"].get(locale, service["name"]["en"])]
    texts += [c["number"] for c in service.get("contacts", []) if c["type"] == "phone"][:1]
    emergency = HELP["countries"][code].get("emergency")
    if emergency:
        texts.append(emergency["number"])
    return texts
