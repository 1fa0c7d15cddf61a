"""What a page can observe of itself, as JS run in the page's own world (Playwright's page.evaluate,
or BiDi script.evaluate without a sandbox). A page with Buoy must observe exactly what the same page
without Buoy does: the same layout, the same computed styles, the same global names."""

# Every element of the page (Buoy's host excluded: that is the one thing that may differ), its box
# and every computed style property, plus the document's scroll size and style sheets.
LAYOUT_AND_STYLES = """() => {
  const own = [...document.querySelectorAll("*")].filter((el) => el.localName !== "buoy-help");
  // Sorted: custom properties come in no fixed order.
  const style = (el) => { const s = getComputedStyle(el); return [...s].sort().map((p) => p + ":" + s.getPropertyValue(p)).join(";"); };
  const box = (el) => { const r = el.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(","); };
  return {
    elements: own.map((el) => el.localName + (el.id ? "#" + el.id : "")),
    boxes: own.map(box),
    styles: own.map(style),
    scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, scrollX, scrollY],
    sheets: [document.styleSheets.length, document.adoptedStyleSheets.length],
  };
}"""

# Names on the page's global object: an extension that leaked a global would add one here.
GLOBAL_NAMES = "() => Object.getOwnPropertyNames(window).sort()"

# Layout shifts the browser recorded since the page started (Chromium's Layout Instability API):
# each one's page time, whether input had just come, and what moved from where to where. A box in
# a closed shadow root (Buoy's) is named by no node: its `node` is None.
LAYOUT_SHIFTS = """() => new Promise((resolve) => {
  const seen = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
  observer.observe({ type: "layout-shift", buffered: true });
  // Buffered entries arrive in a task of their own: two frames later they have all been delivered.
  requestAnimationFrame(() => requestAnimationFrame(() => {
    seen.push(...observer.takeRecords());
    observer.disconnect();
    const box = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(" ");
    resolve(seen.map((e) => ({ value: e.value, at: e.startTime, input: e.hadRecentInput,
      sources: (e.sources ?? []).map((s) => ({ node: s.node ? `${s.node.nodeName}#${s.node.id}` : null,
        moved: `${box(s.previousRect)} -> ${box(s.currentRect)}` })) })));
  }));
})"""

# Installed before any page script (top frame only): the chat focuses its text box as it loads,
# and every time the box loses focus is counted.
COUNT_BLURS = """if (window === top) {
  window.__blurs = 0;
  addEventListener("focusout", (e) => { if (e.target.id === "input") window.__blurs += 1; }, true);
  document.addEventListener("DOMContentLoaded", () => document.getElementById("input")?.focus());
}"""
