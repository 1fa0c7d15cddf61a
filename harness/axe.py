"""Accessibility checks with axe-core (npm, dev only), run inside the page or frame under test."""

from harness.paths import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(target, context="document"):
    """axe-core's violations for a Playwright page or frame, as (rule id, summary, node count)."""
    # DevTools evaluation isn't subject to the extension pages' CSP, so axe can run there too.
    target.evaluate(AXE.read_text())
    result = target.evaluate(f"axe.run({context}, {{resultTypes: ['violations']}})")
    return [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]]
