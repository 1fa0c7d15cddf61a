// Who may have chat lines judged (issue 15): the real background/messages.js over a stand-in for the
// browser's APIs. Only Buoy's content scripts on a page's top frame are answered; a frame inside the
// page, Buoy's own pages and anything malformed get no cue. (That nudges work end to end through it,
// in both browsers, is tests/e2e/test_nudges.py.)
import { test } from "node:test";
import assert from "node:assert/strict";

// Any API the background's modules touch when loaded (addListener and the like) does nothing.
const inert = () => new Proxy(() => {}, { get: (_, key) => (key === "then" ? undefined : inert()) });
let onMessage = null;
const runtime = new Proxy({
  id: "buoy",
  getURL: (path) => `https://buoy.invalid/${path}`, // Node gives a chrome-extension: address no origin
  onMessage: { addListener: (fn) => { onMessage = fn; } },
}, { get: (own, key) => (key in own ? own[key] : inert()) });
globalThis.chrome = new Proxy({}, { get: (_, area) => (area === "runtime" ? runtime : inert()) });

await import("../../dist/chromium/background/messages.js");

const TOP_FRAME = { id: "buoy", tab: { id: 7 }, frameId: 0, url: "https://discord.com/channels/1" };
const ASK = { type: "nudge:judge", messages: [["gg"], ["sam can u send a selfie", "can u send a selfie"]], language: "en" };

// The background's answer, or "refused" when it doesn't take the message at all.
function ask(message, sender) {
  return new Promise((done) => {
    if (!onMessage(message, sender, done)) done("refused");
  });
}

test("the watcher on a page's top frame gets each message's cue, in order", async () => {
  const answer = await ask(ASK, TOP_FRAME);
  assert.equal(answer.ok, true);
  assert.deepEqual(answer.result.map((cue) => cue?.situation ?? null), [null, "wants-pictures"]);
});

test("a frame inside the page, Buoy's own pages and another extension are refused", async () => {
  assert.equal(await ask(ASK, { ...TOP_FRAME, frameId: 3 }), "refused");
  assert.equal(await ask(ASK, { id: "buoy", tab: { id: 7 }, frameId: 0, url: "https://buoy.invalid/panel/panel.html" }), "refused");
  assert.equal(await ask(ASK, { id: "buoy", url: "https://buoy.invalid/options/options.html" }), "refused");
  assert.equal(await ask(ASK, { ...TOP_FRAME, id: "someone-else" }), "refused");
});

test("lines that aren't lines are answered with an error, not a cue", async () => {
  for (const messages of [undefined, "can u send a selfie", [[]], [[42]], [["a", "b", "c"]]]) {
    const answer = await ask({ ...ASK, messages }, TOP_FRAME);
    assert.equal(answer.ok, false, JSON.stringify(messages));
  }
});
