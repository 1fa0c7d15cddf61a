"""Accessibility checks with axe-core (npm, dev only), run inside the page or frame under test."""

from harness.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(buoy, target, context="document"):
    """axe-core's violations in a tab, panel or extension page, as (rule id, summary, node count)."""
    # The driver's evaluation isn't subject to the extension pages' CSP, so axe can run there too.
    buoy.run(target, AXE.read_text())
    result = buoy.run(target, f"axe.run({context}, {{resultTypes: ['violations']}})")
    return [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]]
