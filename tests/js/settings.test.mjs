// Settings never get lost: stored versions migrate forward unchanged, and anything corrupt falls
// back to the default for that field alone, with a warning saying which.
import { test } from "node:test";
import assert from "node:assert/strict";
import { combine, DEFAULTS, isManaged, migrate, parseSite, readStored, SCHEMA, validFields } from "../../dist/chromium/lib/settings.js";

const ctx = { countries: ["GB", "CA", "INT"], siteIds: ["discord", "roblox", "youtube"], languages: ["en", "fr", "pl"] };

// What version 1 of Buoy stored for a parent who changed everything.
const V1 = {
  schema: 1, country: "CA", categories: { chat: true, game: false, social: true, video: false },
  disabledSites: ["discord"], extraSites: ["school-chat.example.org"], corner: "top-left", size: "large",
  nudges: false, quickExitUrl: "https://example.org/weather", cleanHistory: true,
};

test("version 1 settings survive migration and reading back unchanged", () => {
  const { values, warnings } = readStored(structuredClone(V1), ctx);
  assert.deepEqual(warnings, []);
  assert.deepEqual({ ...values, schema: SCHEMA }, { ...V1, schema: SCHEMA });
  assert.deepEqual(combine(values), { ...V1, schema: SCHEMA, language: "auto" }); // no choice then: the browser's
});

test("settings stored without a schema number are read as version 1", () => {
  const { schema, ...old } = V1;
  assert.equal(schema, 1);
  assert.deepEqual(migrate(old), { ...old, schema: SCHEMA });
});

test("settings from a newer Buoy keep every field this version can read", () => {
  const newer = { ...V1, schema: SCHEMA + 1, futureThing: 3 };
  const { values, warnings } = readStored(newer, ctx);
  assert.deepEqual(warnings, []);
  assert.equal(values.corner, "top-left");
  assert.equal("futureThing" in values, false);
});

const CORRUPT = [
  ["country", "ZZ"], ["country", 44], ["corner", "middle"], ["size", "huge"], ["nudges", "yes"],
  ["categories", ["chat"]], ["categories", { chat: "on" }], ["categories", { weapons: true }],
  ["disabledSites", "discord"], ["disabledSites", ["not-a-site"]],
  ["disabledSites", Array.from({ length: 10_000 }, () => "discord")],
  ["extraSites", "school.example.org"], ["extraSites", ["https://school.example.org/chat"]],
  ["extraSites", ["<script>alert(1)</script>"]],
  ["extraSites", Array.from({ length: 5000 }, (_, i) => `s${i}.example.org`)],
  ["quickExitUrl", "javascript:alert(1)"], ["quickExitUrl", "http://example.org/"], ["cleanHistory", null],
  ["language", "ja"], ["language", "pt-BR"], ["language", ["fr"]], ["language", null],
];

for (const [key, value] of CORRUPT) {
  test(`a corrupt ${key} (${JSON.stringify(value).slice(0, 40)}) falls back to its default with a warning`, () => {
    const { values, warnings } = readStored({ ...V1, [key]: value }, ctx);
    assert.deepEqual(warnings, [{ key, value }]);
    const settings = combine(values);
    assert.deepEqual(settings[key], DEFAULTS[key]);
    // Every other field the parent chose is kept.
    for (const other of Object.keys(V1).filter((k) => k !== key && k !== "schema")) assert.deepEqual(settings[other], V1[other]);
  });
}

for (const garbage of ['{"corner": "top-left"', "[object Object]", 42, true, ["corner", "top-left"]]) {
  test(`stored garbage ${JSON.stringify(garbage)} gives the defaults and one warning`, () => {
    const { values, warnings } = readStored(garbage, ctx);
    assert.deepEqual(values, {});
    assert.deepEqual(warnings, [{ key: "settings", value: garbage }]);
    assert.deepEqual(combine(values), DEFAULTS);
  });
}

test("nothing stored yet is the defaults, without a warning", () => {
  assert.deepEqual(readStored(undefined, ctx), { values: {}, warnings: [] });
});

test("a school's policy wins over the parent's choice, field by field", () => {
  const policy = validFields({ country: "GB", size: "huge" }, ctx);
  const settings = combine(readStored(V1, ctx).values, policy.values);
  assert.equal(settings.country, "GB");
  assert.equal(settings.size, "large");
  assert.deepEqual(policy.warnings, [{ key: "size", value: "huge" }]);
});

test("managed settings: by key, or all of them when locked", () => {
  assert.equal(isManaged({ keys: ["country"], locked: false }, "country"), true);
  assert.equal(isManaged({ keys: ["country"], locked: false }, "corner"), false);
  assert.equal(isManaged({ keys: [], locked: true }, "corner"), true);
});

test("parseSite accepts hosts and plain URLs, refuses anything else", () => {
  assert.equal(parseSite(" https://Chat.School.example.org/room/1 "), "chat.school.example.org");
  assert.equal(parseSite("*.example.org"), "example.org");
  for (const bad of ["", "localhost", "exa mple.org", "http://", "foo..org", "-a.org", "a.b/c d", "🙂.org", "1.2.3.4"]) {
    assert.equal(parseSite(bad), null, bad);
  }
});

test("the language a parent chose is kept, with the other settings", () => {
  const { values, warnings } = readStored({ ...V1, language: "pl" }, ctx);
  assert.deepEqual(warnings, []);
  assert.equal(combine(values).language, "pl");
  assert.equal(DEFAULTS.language, "auto");
});
