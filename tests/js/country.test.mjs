// Country detection from time zone and language: every odd input falls back, nothing throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseCountry, detectCountry } from "../../dist/chromium/lib/country.js";
import help from "../../extension/data/help.json" with { type: "json" };

const { countries } = help;

test("time zone decides first", () => {
  assert.equal(detectCountry({ timeZone: "Europe/Dublin", languages: ["en-GB"] }, countries), "IE");
  assert.equal(detectCountry({ timeZone: "America/Toronto", languages: ["en-US"] }, countries), "CA");
  assert.equal(detectCountry({ timeZone: "Australia/Perth", languages: [] }, countries), "AU");
  assert.equal(detectCountry({ timeZone: "Pacific/Chatham" }, countries), "NZ");
});

test("language region decides when the time zone names no country", () => {
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["en-AU"] }, countries), "AU");
  assert.equal(detectCountry({ timeZone: "Etc/GMT+5", languages: ["fr-CA", "en"] }, countries), "CA");
  assert.equal(detectCountry({ languages: ["en_GB"] }, countries), "GB");
  assert.equal(detectCountry({ languages: ["zh-Hant-NZ"] }, countries), "NZ");
});

test("unknown and malformed values fall back to the international entry", () => {
  const cases = [
    undefined, {}, { timeZone: "Mars/Olympus" }, { timeZone: 42, languages: "en-GB" },
    { timeZone: null, languages: [null, 7, {}, ""] }, { languages: ["xx-ZZ"] }, { languages: ["en-INT"] },
    { timeZone: "europe/london" }, { languages: ["en"] },
  ];
  for (const locale of cases) assert.equal(detectCountry(locale, countries), "INT", JSON.stringify(locale));
});

test("a parent's choice wins; a choice the data doesn't know is ignored", () => {
  const locale = { timeZone: "Europe/London", languages: ["en-GB"] };
  assert.equal(chooseCountry("NZ", countries, locale), "NZ");
  assert.equal(chooseCountry("auto", countries, locale), "GB");
  assert.equal(chooseCountry("XX", countries, locale), "GB");
  assert.equal(chooseCountry(undefined, countries, locale), "GB");
});

test("every country's time zones are real IANA zones (links such as Europe/Belfast included)", () => {
  for (const [code, country] of Object.entries(countries)) {
    for (const zone of country.time_zones ?? []) {
      assert.doesNotThrow(() => new Intl.DateTimeFormat("en", { timeZone: zone }), `${code}: ${zone}`);
    }
  }
});
