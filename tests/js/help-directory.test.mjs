// lib/help-directory.js against the shipped data and against small made-up data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { emergencyNumber, helplineFor, serviceUrl, servicesFor, stepsFor } from "../../dist/chromium/lib/help-directory.js";
import { help, situations } from "../../dist/chromium/lib/data.js";

test("a country's own emergency number wins; INT uses the region of the time zone", () => {
  assert.equal(emergencyNumber("GB", "Europe/London"), "999");
  assert.equal(emergencyNumber("AU", "Australia/Sydney"), "000");
  assert.equal(emergencyNumber("INT", "Europe/Paris"), "112");
  assert.equal(emergencyNumber("INT", "Asia/Tokyo"), null);
  assert.equal(emergencyNumber("INT", undefined), null);
});

test("region prefixes match the start of a zone only", () => {
  const data = { countries: { INT: {} }, emergency_regions: [{ time_zone_prefixes: ["Europe/"], number: "112" }] };
  assert.equal(emergencyNumber("INT", "Europe/Oslo", data), "112");
  assert.equal(emergencyNumber("INT", "America/Europe", data), null);
});

test("French pages open in French, others fall back to the main page", () => {
  assert.equal(serviceUrl("kids-help-phone", "fr"), "https://jeunessejecoute.ca/");
  assert.equal(serviceUrl("kids-help-phone", "en"), "https://kidshelpphone.ca/");
  assert.equal(serviceUrl("childline-gb", "fr"), help.services["childline-gb"].url);
  assert.equal(serviceUrl("nope", "en"), null);
});

test("the first service follows the situation's preferred kinds", () => {
  assert.deepEqual(servicesFor("GB", "wants-pictures"), ["ceop", "childline-gb"]);
  assert.deepEqual(servicesFor("GB", "picture-shared"), ["report-remove", "take-it-down", "ceop", "childline-gb"]);
  assert.equal(servicesFor("GB", "talk")[0], "childline-gb");
  assert.equal(servicesFor("US", "wants-pictures")[0], "cybertipline");
  assert.equal(servicesFor("US", "picture-shared")[0], "take-it-down");
  assert.equal(servicesFor("AU", "wants-pictures")[0], "accce");
  assert.equal(servicesFor("INT", "talk")[0], "child-helpline-international");
});

test("services of kinds not in prefer come last, in the country's order", () => {
  const data = {
    countries: { X: { services: ["a", "b", "c"] } },
    services: { a: { kind: "removal", situations: ["talk"] }, b: { kind: "helpline", situations: ["talk"] },
      c: { kind: "report", situations: ["scared"] } },
  };
  const sits = { situations: [{ id: "talk", prefer: ["helpline"] }] };
  assert.deepEqual(servicesFor("X", "talk", data, sits), ["b", "a"]);
  assert.deepEqual(servicesFor("Y", "talk", data, sits), []);
});

test("every situation leads somewhere in every country", () => {
  for (const code of Object.keys(help.countries)) {
    for (const { id } of situations.situations) assert.ok(servicesFor(code, id).length > 0, `${code} ${id}`);
  }
});

test("steps: the country's own where they differ, else the default", () => {
  const data = { situations: [{ id: "picture-shared", steps: { default: [{ text: { en: "default" } }], AU: [{ text: { en: "AU" } }] } }] };
  assert.equal(stepsFor("AU", "picture-shared", data)[0].text.en, "AU");
  assert.equal(stepsFor("GB", "picture-shared", data)[0].text.en, "default");
  assert.match(stepsFor("GB", "picture-shared")[0].text.en, /Don't pay/);
  assert.deepEqual(stepsFor("GB", "nope"), []);
});

test("the one-tap helpline is the first helpline, with its phone when it has one", () => {
  const gb = helplineFor("GB");
  assert.equal(gb.id, "childline-gb");
  assert.equal(gb.phone.number, "0800 1111");
  assert.equal(helplineFor("IE").phone.number, "1800 66 66 66");
  assert.equal(helplineFor("NZ").id, "whats-up");
  const noPhone = { countries: { XX: { services: ["line"] } }, services: { line: { kind: "helpline", contacts: [{ type: "chat" }] } } };
  assert.equal(helplineFor("XX", noPhone).phone, null);
  assert.equal(helplineFor("INT").id, "child-helpline-international");
});
