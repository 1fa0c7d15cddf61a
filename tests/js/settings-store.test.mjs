// Loading and saving through the real settings-store module, over an in-memory stand-in for
// chrome.storage (the real browsers are covered by tests/e2e/test_options.py and test_settings_restart.py).
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";

function area(initial = {}, { broken = false } = {}) {
  const data = structuredClone(initial);
  return {
    data,
    async get(key) {
      if (broken) throw new Error("sync is off");
      return key === undefined ? structuredClone(data) : key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(values) {
      if (broken) throw new Error("sync is off");
      Object.assign(data, structuredClone(values));
    },
  };
}

const warned = [];
const realWarn = console.warn;
function install({ sync = area(), local = area(), managed = area() } = {}) {
  globalThis.chrome = { storage: { sync, local, managed, onChanged: { addListener() {} } } };
  console.warn = (...args) => warned.push(args);
  return { sync, local, managed };
}
afterEach(() => {
  warned.length = 0;
  console.warn = realWarn;
});

const { loadSettings, onSettingsChanged, saveSettings } = await import("../../dist/chromium/lib/settings-store.js");
const V1 = { schema: 1, country: "CA", categories: { chat: true, game: false, social: true, video: true },
  disabledSites: ["discord"], extraSites: ["school-chat.example.org"], corner: "top-left", size: "large",
  nudges: false, quickExitUrl: "https://example.org/", cleanHistory: true };

test("stored version 1 settings load unchanged", async () => {
  install({ sync: area({ settings: V1 }) });
  const { settings, warnings, managed } = await loadSettings();
  assert.deepEqual(settings, { ...V1, language: "auto" }); // saved before there was a choice: the browser's
  assert.deepEqual(warnings, []);
  assert.deepEqual(managed, { keys: [], locked: false, warnings: [] });
  assert.equal(warned.length, 0);
});

test("corrupt stored settings load as defaults with a logged warning", async () => {
  install({ sync: area({ settings: '{"corner": "top-le' }) });
  const { settings, warnings } = await loadSettings();
  assert.equal(settings.corner, "bottom-right");
  assert.equal(warnings[0].key, "settings");
  assert.equal(warned.length, 1);
  assert.match(String(warned[0][0]), /ignored a stored setting/);
});

test("one bad field is dropped and logged; the rest are kept", async () => {
  install({ sync: area({ settings: { ...V1, corner: { top: 1 } } }) });
  const { settings } = await loadSettings();
  assert.equal(settings.corner, "bottom-right");
  assert.equal(settings.country, "CA");
  assert.equal(warned.length, 1);
});

test("without sync, settings are saved to and read from local storage", async () => {
  const { local } = install({ sync: area({}, { broken: true }) });
  assert.deepEqual(await saveSettings({ corner: "top-right", size: "big" }), [{ key: "size", value: "big" }]);
  assert.equal(local.data.settings.corner, "top-right");
  assert.equal(local.data.settings.schema, 1);
  assert.equal((await loadSettings()).settings.corner, "top-right");
});

test("saving one field keeps the others", async () => {
  const { sync } = install({ sync: area({ settings: V1 }) });
  await saveSettings({ corner: "bottom-left" });
  assert.deepEqual(sync.data.settings, { ...V1, corner: "bottom-left" });
});

test("policy values win, bad ones are reported and ignored", async () => {
  install({ sync: area({ settings: V1 }), managed: area({ country: "GB", size: "enormous", locked: "yes", other: 1 }) });
  const { settings, managed } = await loadSettings();
  assert.equal(settings.country, "GB");
  assert.equal(settings.size, "large");
  assert.deepEqual(managed.keys, ["country"]);
  assert.equal(managed.locked, false);
  assert.deepEqual(managed.warnings.map((w) => w.key).sort(), ["locked", "size"]);
});

test("while the policy is slow to answer (browser start), the last policy seen applies", async () => {
  const slow = { get: () => new Promise(() => {}) };
  install({ sync: area({ settings: V1 }), local: area({ lastPolicy: { country: "GB", locked: true } }), managed: slow });
  const { settings, managed } = await loadSettings();
  assert.equal(settings.country, "GB");
  assert.equal(managed.locked, true);
});

test("each policy answer is kept for the next slow start; no policy clears it", async () => {
  const { local } = install({ managed: area({ corner: "top-left" }) });
  await loadSettings();
  assert.deepEqual(local.data.lastPolicy, { corner: "top-left" });
  const { local: next } = install({ local: area({ lastPolicy: { corner: "top-left" } }), managed: area({}, { broken: true }) });
  assert.equal((await loadSettings()).settings.corner, "bottom-right");
  assert.deepEqual(next.data.lastPolicy, {});
});

test("a chosen language is saved and read back; one this Buoy has no words for is dropped, the rest kept", async () => {
  const { sync } = install({ sync: area({ settings: V1 }) });
  assert.deepEqual(await saveSettings({ language: "de" }), []);
  assert.equal((await loadSettings()).settings.language, "de");
  assert.deepEqual((await saveSettings({ language: "klingon" })).map((w) => w.key), ["language"]);
  sync.data.settings.language = "ja"; // from a newer Buoy with more languages, through sync
  const { settings, warnings } = await loadSettings();
  assert.equal(settings.language, "auto");
  assert.equal(settings.corner, "top-left");
  assert.deepEqual(warnings, [{ key: "language", value: "ja" }]);
  assert.equal(sync.data.settings.language, "ja"); // left as stored: reading never rewrites it
});

test("a school's policy sets the language over the parent's; a value that is no language of Buoy's is reported, and the parent's choice stands", async () => {
  install({ sync: area({ settings: { ...V1, language: "fr" } }), managed: area({ language: "pl" }) });
  let { settings, managed } = await loadSettings();
  assert.equal(settings.language, "pl");
  assert.deepEqual(managed.keys, ["language"]);
  for (const bad of ["pt-BR", "DE", "ja", 7]) {
    install({ sync: area({ settings: { ...V1, language: "fr" } }), managed: area({ language: bad }) });
    ({ settings, managed } = await loadSettings());
    assert.equal(settings.language, "fr", bad);
    assert.deepEqual(managed.keys, []);
    assert.deepEqual(managed.warnings, [{ key: "language", value: bad }]);
  }
  install({ managed: area({ language: "pt-BR" }) });
  assert.equal((await loadSettings()).settings.language, "auto"); // no parent's choice: the browser's
});

test("a policy that answers after the wait still reaches the listeners, once (Firefox never says managed changed)", async () => {
  // The wait is 250 ms; the policy answers at 300, every time (timers fire in deadline order).
  const late = { get: () => new Promise((resolve) => setTimeout(resolve, 300, { corner: "top-left" })) };
  const listeners = [];
  const local = area();
  const realSet = local.set.bind(local);
  local.set = async (values) => { // storage.local as the browser does it: each write is a change
    await realSet(values);
    for (const listener of listeners) listener(Object.fromEntries(Object.keys(values).map((k) => [k, {}])), "local");
  };
  globalThis.chrome = { storage: { sync: area(), local, managed: late, onChanged: { addListener: (l) => listeners.push(l) } } };
  let heard = 0;
  onSettingsChanged(() => { heard += 1; });
  const settled = () => new Promise((resolve) => setTimeout(resolve, 100)); // the answer is in and kept
  assert.equal((await loadSettings()).settings.corner, "bottom-right"); // nothing seen before it
  await settled();
  assert.equal(heard, 1);
  assert.equal((await loadSettings()).settings.corner, "top-left"); // the last seen, while it answers again
  await settled();
  assert.equal(heard, 1); // the same policy again is no change
});
