// t() takes words from the built catalogue (lib/messages.js), never from chrome.i18n.getMessage,
// which answered "" in the first panel frame after Chromium started (issue 20): a child must never
// read a key. chrome.i18n only says the browser's language.
import { test } from "node:test";
import assert from "node:assert/strict";

let uiLanguage = "en-GB";
globalThis.chrome = { i18n: { getUILanguage: () => uiLanguage, getMessage: () => "" } };
const { default: CATALOGUE, DEFAULT_LOCALE } = await import("../../dist/chromium/lib/messages.js");
const { dateLocale, format, language, locale, localeFor, localeOf, t, useLanguage } = await import("../../dist/chromium/lib/i18n.js");

const LANGUAGES = ["en-GB", "en-US", "en-AU", "en", "fr", "fr-CA", "fr_FR", "de-DE", "pt-BR", "pt-PT", "ja", ""];

test("the browser's language picks the locale: exact, its language, another country's, then English", () => {
  assert.equal(DEFAULT_LOCALE, "en");
  assert.deepEqual(LANGUAGES.map(localeFor), ["en", "en", "en", "en", "fr", "fr", "fr", "de", "pt_BR", "pt_BR", "en", "en"]);
  assert.equal(localeFor(undefined), "en");
  uiLanguage = "fr-CA";
  assert.equal(locale(), "fr");
  assert.equal(t("reassurance"), CATALOGUE.fr.reassurance);
  uiLanguage = "en-GB";
  assert.equal(t("reassurance"), "It's not your fault. You're not in trouble.");
});

test("a language Buoy has no words for gets the English words", () => {
  uiLanguage = "ja";
  assert.equal(t("quickExit"), CATALOGUE.en.quickExit);
  assert.equal(t("callNumber", "112"), "Call 112");
});

test("a message missing from a locale is said in English, and an unknown key is said as nothing", (c) => {
  const french = CATALOGUE.fr.firstServiceHeading;
  c.after(() => { CATALOGUE.fr.firstServiceHeading = french; });
  delete CATALOGUE.fr.firstServiceHeading;
  uiLanguage = "fr";
  assert.equal(t("firstServiceHeading"), CATALOGUE.en.firstServiceHeading);
  assert.equal(t("noSuchKey"), "");
});

test("placeholders are filled as chrome.i18n fills them", () => {
  uiLanguage = "en-US";
  assert.equal(t("callNumber", "0800 1111"), "Call 0800 1111");
  assert.equal(t("textMessageTo", "CONNECT", 686868), "Text CONNECT to 686868");
  assert.equal(t("callHelpline", "Childline", "0800 1111"), "Call Childline: 0800 1111");
  assert.equal(t("callNumber"), "Call "); // a missing substitution gives nothing, as in Chromium
  assert.equal(format("$1 costs $$2 and $$$$", ["A", "B"]), "A costs $2 and $$$");
  uiLanguage = "fr";
  assert.equal(t("callNumber", "119"), CATALOGUE.fr.callNumber.replace("$1", "119"));
  assert.doesNotMatch(t("textMessageTo", "A", "B"), /\$/);
});

test("with chrome.i18n.getMessage answering nothing, no key ever comes back", () => {
  for (const language of LANGUAGES) {
    uiLanguage = language;
    for (const key of Object.keys(CATALOGUE.en)) {
      const words = t(key, "X", "Y");
      assert.ok(words && words !== key, `${language}: ${key} -> ${JSON.stringify(words)}`);
    }
  }
});

test("the language a parent chose wins over the browser's, and anything else follows the browser", (c) => {
  c.after(() => useLanguage("auto"));
  uiLanguage = "de-DE";
  assert.equal(t("reassurance"), CATALOGUE.de.reassurance);
  useLanguage("pl");
  assert.equal(locale(), "pl");
  assert.equal(language(), "pl");
  assert.equal(t("callNumber", "116 111"), "Zadzwoń: 116 111");
  assert.equal(localeOf("pt_BR"), "pt_BR"); // for one setting, whatever the page chose
  for (const broken of ["auto", "xx", "", undefined, 7, { fr: true }]) {
    useLanguage(broken);
    assert.equal(locale(), "de", String(broken));
    assert.equal(localeOf(broken), "de");
  }
});

test("times are written in the browser's own form, or in the chosen language's when it is another", (c) => {
  c.after(() => useLanguage("auto"));
  Object.defineProperty(globalThis, "navigator", { value: { languages: ["en-NZ", "en"] }, configurable: true });
  uiLanguage = "en-GB";
  assert.equal(dateLocale(), "en-NZ");
  useLanguage("en");
  assert.equal(dateLocale(), "en-NZ"); // the same language: its own country's form ("8 am")
  useLanguage("pt_BR");
  assert.equal(dateLocale(), "pt-BR");
});
