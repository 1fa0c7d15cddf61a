// Country detection from time zone and language: every odd input falls back, nothing throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import { chooseCountry, detectCountry } from "../../dist/chromium/lib/country.js";
import help from "../../extension/data/help.json" with { type: "json" };

const { countries, emergency_regions: regions } = help;

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
      assert.equal(detectCountry({ timeZone, languages: ["en-US"] }, countries, regions), code, timeZone);
    }
  }
});

test("a zone several countries share is settled by the browser's language", () => {
  // tzdata's canonical name for Oslo, Stockholm and Copenhagen is Europe/Berlin: a system may report it.
  const berlin = (languages) => detectCountry({ timeZone: "Europe/Berlin", languages }, countries);
  assert.equal(berlin(["sv-SE", "en"]), "SE");
  assert.equal(berlin(["nb-NO"]), "NO");
  assert.equal(berlin(["da-DK"]), "DK");
  assert.equal(berlin(["en-US", "nn-NO"]), "NO");
  assert.equal(berlin(["de-DE"]), "DE");
  assert.equal(berlin(["en-GB", "fr-FR"]), "DE", "a language naming none of the sharers: the first listed");
  assert.equal(berlin([]), "DE");
  // Language never overrides a zone only one country claims.
  assert.equal(detectCountry({ timeZone: "Europe/Vienna", languages: ["de-DE"] }, countries), "AT");
  for (const zone of help.shared_time_zones) {
    const sharers = Object.keys(countries).filter((code) => countries[code].time_zones.includes(zone));
    assert.ok(sharers.length > 1, zone);
    for (const code of sharers) assert.equal(detectCountry({ timeZone: zone, languages: countries[code].languages }, countries), code);
  }
});

test("a known place with no country keeps the everywhere-else card whatever the browser's language", () => {
  for (const timeZone of ["Europe/Amsterdam", "Atlantic/Reykjavik", "Asia/Kolkata"]) {
    assert.equal(detectCountry({ timeZone, languages: ["en-US"] }, countries, regions), "INT", timeZone);
    assert.equal(chooseCountry("auto", countries, { timeZone, languages: ["en-GB"] }, regions), "INT", timeZone);
  }
  // Without the regions (or with an unknown zone) the language region still decides, as before.
  assert.equal(detectCountry({ timeZone: "Europe/Amsterdam", languages: ["en-US"] }, countries), "US");
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["en-US"] }, countries, regions), "US");
});

test("with no zone, a language region names the new countries too", () => {
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["de-CH"] }, countries), "CH");
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["fil-PH"] }, countries), "PH");
  assert.equal(detectCountry({ timeZone: "UTC", languages: ["de"] }, countries), "INT");
});

test("a parent or school can choose every country in the data", () => {
  const locale = { timeZone: "Europe/London", languages: ["en-GB"] };
  for (const code of Object.keys(countries)) assert.equal(chooseCountry(code, countries, locale), code);
});
