// Which settings changes reach the tabs (issue 16): the real background/button-scripts.js over an
// in-memory stand-in for chrome.scripting, chrome.tabs and chrome.permissions, with one open chat tab.
// A change to what the tabs show registers and tells them; any other change touches nothing.
// (That the changes really reach a tab in both browsers is tests/e2e/test_options.py.)
import { beforeEach, test } from "node:test";
import assert from "node:assert/strict";

const CHAT_TAB = { id: 7, url: "https://discord.com/channels/1" };
const registered = new Map();
const calls = [];
globalThis.chrome = {
  i18n: { getUILanguage: () => "en-GB" },
  permissions: { contains: async () => true },
  tabs: { query: async ({ url }) => (url.includes("https://discord.com/*") ? [CHAT_TAB] : []) },
  scripting: {
    getRegisteredContentScripts: async ({ ids }) => ids.filter((id) => registered.has(id)).map((id) => registered.get(id)),
    registerContentScripts: async (scripts) => scripts.forEach((s) => { registered.set(s.id, s); calls.push(["register", s.id]); }),
    updateContentScripts: async (scripts) => scripts.forEach((s) => { registered.set(s.id, s); calls.push(["update", s.id]); }),
    unregisterContentScripts: async ({ ids }) => ids.forEach((id) => { registered.delete(id); calls.push(["unregister", id]); }),
    executeScript: async ({ target, files, args }) => calls.push(["tab", target.tabId, files ?? args]),
  },
};

const { syncButtonScripts } = await import("../../dist/chromium/background/button-scripts.js");
const { BUTTON_SIZES, combine } = await import("../../dist/chromium/lib/settings.js");
beforeEach(() => { calls.length = 0; });

test("the first sync registers the button and the watcher and tells the open button its look", async () => {
  await syncButtonScripts(combine({}));
  assert.deepEqual(calls.filter(([what]) => what === "register").map(([, id]) => id), ["buoy-button", "buoy-nudges"]);
  assert.deepEqual(calls.at(-1), ["tab", 7, [{ corner: "bottom-right", size: BUTTON_SIZES.normal }]]);
});

test("a change the tabs don't show (country, quick-exit page, history) touches no tab and no registration", async () => {
  await syncButtonScripts(combine({ country: "CA", quickExitUrl: "https://example.org/", cleanHistory: true }));
  assert.deepEqual(calls, []);
});

test("a new corner updates the button's registration and tells the open button once", async () => {
  await syncButtonScripts(combine({ corner: "top-left" }));
  assert.deepEqual(calls, [["update", "buoy-button"], ["tab", 7, [{ corner: "top-left", size: BUTTON_SIZES.normal }]]]);
  assert.ok(registered.get("buoy-button").js.includes("content/look/top-left-normal.js"));
});

test("turning nudges off takes the watcher away and leaves the button alone", async () => {
  await syncButtonScripts(combine({ corner: "top-left", nudges: false }));
  assert.deepEqual(calls.map(([what, id]) => [what, id]), [["unregister", "buoy-nudges"], ["tab", 7]]);
  assert.ok(!registered.has("buoy-nudges"));
});

test("another language registers its words for new pages without touching the open tab", async () => {
  await syncButtonScripts(combine({ corner: "top-left", nudges: false, language: "fr" }));
  assert.deepEqual(calls, [["update", "buoy-button"]]);
  assert.equal(registered.get("buoy-button").js[0], "content/locale/fr.js");
});

test("two syncs at once run one after the other: the same settings register nothing twice", async () => {
  await Promise.all([syncButtonScripts(combine({ corner: "bottom-left" })), syncButtonScripts(combine({ corner: "bottom-left" }))]);
  assert.deepEqual(calls.filter(([what]) => what !== "tab"), [["update", "buoy-button"], ["register", "buoy-nudges"]]);
});
