"""Buoy's help directory (extension/data/help.json) as the tests read it."""

import json

from harness.paths import ROOT

HELP = json.loads((ROOT / "extension" / "data" / "help.json").read_text())


def helpline(code):
    """The country's child helpline (or its directory of them): the first it lists."""
    return next(HELP["services"][s] for s in HELP["countries"][code]["services"]
                if HELP["services"][s]["kind"] in ("helpline", "directory"))
