"""How long Buoy's background takes to wake: stopped, as the browser stops an idle one, then asked
one message from an extension page. The nudge engine's modules load with it (compiling them waits
for the first chat line), so this shows what judging lines in the background costs each wake, off
every page's main thread."""

import time

from harness.chromium import extension_url

ASK = """async () => {
  const start = performance.now();
  await chrome.runtime.sendMessage({ type: "note:page" });  // answered by every build, changes nothing
  return performance.now() - start;
}"""


def wake_ms(contexts: dict, rounds: int) -> dict[str, list[float]]:
    """{name: [ms, ...]} for each Buoy context, the contexts taken in turn every round."""
    pages = {}
    try:
        for name, context in contexts.items():
            page = context.new_page()
            page.goto(extension_url("welcome/welcome.html"))
            cdp = context.new_cdp_session(page)
            cdp.send("ServiceWorker.enable")
            pages[name] = (page, cdp)
        times = {name: [] for name in contexts}
        for _ in range(rounds):
            for name, (page, cdp) in pages.items():
                cdp.send("ServiceWorker.stopAllWorkers")
                time.sleep(0.3)
                times[name].append(page.evaluate(ASK))
        return times
    finally:
        for page, _ in pages.values():
            page.close()
