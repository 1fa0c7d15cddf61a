// Country detection from time zone and language: every odd input falls back, nothing throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseCountry, detectCountry } from "../../dist/chromium/lib/country.js";
import help from "../../extension/data/help.json" with { type: "json" };

const { countries } = help;
const noRegions = { ...help, emergency_regions: [] }; // as if help.json knew no place without a country

test("time zone decides first", () => {
  assert.equal(detectCountry({ timeZone: "Europe/Dublin", languages: ["en-GB"] }, noRegions), "IE");
  assert.equal(detectCountry({ timeZone: "America/Toronto", languages: ["en-US"] }, noRegions), "CA");
  assert.equal(detectCountry({ timeZone: "Australia/Perth", languages: [] }, noRegions), "AU");
  assert.equal(detectCountry({ timeZone: "Pacific/Chatham" }, noRegions), "NZ");
});

test("language region decides when the time zone names no country", () => {
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["en-AU"] }, noRegions), "AU");
  assert.equal(detectCountry({ timeZone: "Etc/GMT+5", languages: ["fr-CA", "en"] }, noRegions), "CA");
  assert.equal(detectCountry({ languages: ["en_GB"] }, noRegions), "GB");
  assert.equal(detectCountry({ languages: ["zh-Hant-NZ"] }, noRegions), "NZ");
});

test("unknown and malformed values fall back to the international entry", () => {
  const cases = [
    undefined, {}, { timeZone: "Mars/Olympus" }, { timeZone: 42, languages: "en-GB" },
    { timeZone: null, languages: [null, 7, {}, ""] }, { languages: ["xx-ZZ"] }, { languages: ["en-INT"] },
    { timeZone: "europe/london" }, { languages: ["en"] },
  ];
  for (const locale of cases) assert.equal(detectCountry(locale, noRegions), "INT", JSON.stringify(locale));
});

test("the fallback is the one help.json names", () => {
  assert.equal(detectCountry({ timeZone: "Mars/Olympus" }, { ...help, fallback_country: "NZ" }), "NZ");
});

test("a parent's choice wins; a choice the data doesn't know is ignored", () => {
  const locale = { timeZone: "Europe/London", languages: ["en-GB"] };
  assert.equal(chooseCountry("NZ", help, locale), "NZ");
  assert.equal(chooseCountry("auto", help, locale), "GB");
  assert.equal(chooseCountry("XX", help, locale), "GB");
  assert.equal(chooseCountry(undefined, help, locale), "GB");
});

test("every country's time zones are real IANA zones (links such as Europe/Belfast included)", () => {
  for (const [code, country] of Object.entries(countries)) {
    for (const zone of country.time_zones ?? []) {
      assert.doesNotThrow(() => new Intl.DateTimeFormat("en", { timeZone: zone }), `${code}: ${zone}`);
    }
  }
});

// Issue 17: each country's own zones choose it without setup (aliases too: Chrome may report a
// backward name), and Iceland and India, with no confirmed child helpline, get the everywhere-else card.
test("each issue-17 country is chosen from its time zone", () => {
  const zones = {
    AT: ["Europe/Vienna"], BG: ["Europe/Sofia"], HR: ["Europe/Zagreb"], CZ: ["Europe/Prague"],
    EE: ["Europe/Tallinn"], FI: ["Europe/Helsinki", "Europe/Mariehamn"], DE: ["Europe/Berlin", "Europe/Busingen"],
    HU: ["Europe/Budapest"], LV: ["Europe/Riga"], LT: ["Europe/Vilnius"], LU: ["Europe/Luxembourg"],
    PL: ["Europe/Warsaw", "Poland"], SI: ["Europe/Ljubljana"], ES: ["Europe/Madrid", "Africa/Ceuta", "Atlantic/Canary"],
    SE: ["Europe/Stockholm"], NO: ["Europe/Oslo", "Arctic/Longyearbyen"], CH: ["Europe/Zurich"],
    ZA: ["Africa/Johannesburg"], PH: ["Asia/Manila"], SG: ["Asia/Singapore", "Singapore"],
    DK: ["Europe/Copenhagen"],
    INT: ["Atlantic/Reykjavik", "Asia/Kolkata", "Asia/Calcutta", "Europe/Amsterdam", "Europe/Brussels", "Europe/Rome",
      "Europe/Paris", "Europe/Lisbon", "Europe/Athens", "Europe/Bucharest", "Europe/Bratislava",
      "Europe/Malta", "Asia/Nicosia"],
  };
  for (const [code, list] of Object.entries(zones)) {
    for (const timeZone of list) {
      assert.equal(detectCountry({ timeZone, languages: ["en-US"] }, help), code, timeZone);
    }
  }
});

test("a zone several countries share is settled by the browser's language", () => {
  // tzdata's canonical name for Oslo, Stockholm and Copenhagen is Europe/Berlin: a system may report it.
  const berlin = (languages) => detectCountry({ timeZone: "Europe/Berlin", languages }, noRegions);
  assert.equal(berlin(["sv-SE", "en"]), "SE");
  assert.equal(berlin(["nb-NO"]), "NO");
  assert.equal(berlin(["da-DK"]), "DK");
  assert.equal(berlin(["en-US", "nn-NO"]), "NO");
  assert.equal(berlin(["de-DE"]), "DE");
  assert.equal(berlin(["en-GB", "fr-FR"]), "DE", "a language naming none of the sharers: the first listed");
  assert.equal(berlin([]), "DE");
  // Language never overrides a zone only one country claims.
  assert.equal(detectCountry({ timeZone: "Europe/Vienna", languages: ["de-DE"] }, noRegions), "AT");
  for (const zone of help.shared_time_zones) {
    const sharers = Object.keys(countries).filter((code) => countries[code].time_zones.includes(zone));
    assert.ok(sharers.length > 1, zone);
    for (const code of sharers) assert.equal(detectCountry({ timeZone: zone, languages: countries[code].languages }, noRegions), code);
  }
});

test("a known place with no country keeps the everywhere-else card whatever the browser's language", () => {
  for (const timeZone of ["Europe/Amsterdam", "Atlantic/Reykjavik", "Asia/Kolkata"]) {
    assert.equal(detectCountry({ timeZone, languages: ["en-US"] }, help), "INT", timeZone);
    assert.equal(chooseCountry("auto", help, { timeZone, languages: ["en-GB"] }), "INT", timeZone);
  }
  // Without the regions (or with an unknown zone) the language region still decides, as before.
  assert.equal(detectCountry({ timeZone: "Europe/Amsterdam", languages: ["en-US"] }, noRegions), "US");
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["en-US"] }, help), "US");
});

test("with no zone, a language region names the new countries too", () => {
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["de-CH"] }, noRegions), "CH");
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["fil-PH"] }, noRegions), "PH");
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["de"] }, noRegions), "INT");
});

test("a parent or school can choose every country in the data", () => {
  const locale = { timeZone: "Europe/London", languages: ["en-GB"] };
  for (const code of Object.keys(countries)) assert.equal(chooseCountry(code, help, locale), code);
});
