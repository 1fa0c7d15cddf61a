// UI words are written in _locales and built into lib/messages.js (build/messages.py): pages read
// them there, never from chrome.i18n.getMessage, which answered "" in the first panel frame after
// Chromium started and left the child reading keys (issue 20). chrome.i18n only says the browser's
// language. Text in the data files is {en, fr, ...}.
import CATALOGUE, { DEFAULT_LOCALE } from "./messages.js";

const api = globalThis.browser ?? globalThis.chrome;

// The _locales folder the browser itself would pick: the exact locale (en_GB), then its language
// (en), then, unlike the browser, another country's words in that language (pt_PT reads pt_BR
// rather than English), then the default.
export function localeFor(uiLanguage) {
  const wanted = String(uiLanguage ?? "").replaceAll("-", "_").toLowerCase();
  const base = wanted.split("_")[0];
  const find = (test) => Object.keys(CATALOGUE).find((folder) => test(folder.toLowerCase()));
  return find((f) => f === wanted) ?? find((f) => f === base) ?? find((f) => f.split("_")[0] === base) ?? DEFAULT_LOCALE;
}

export const LOCALES = Object.keys(CATALOGUE);

// The language a parent chose (settings.language, issue 17: homes with two languages), or the
// browser's for "auto". A page sets it once it has read the settings; until then, the browser's.
let chosen = "auto";
export const useLanguage = (setting) => { chosen = setting; };
export const chosenLanguage = (setting = chosen) =>
  (LOCALES.includes(setting) ? setting : api.i18n.getUILanguage());

export const localeOf = (setting) => localeFor(chosenLanguage(setting));
export const locale = () => localeOf(chosen);

// As chrome.i18n and browser.i18n substitute: $1..$9 take the substitutions (a missing one gives
// nothing) and $$ is a $. $NAME$ placeholders were resolved to $n by the build.
export function format(message, substitutions = []) {
  return message.replace(/\$(\$+|[1-9])/g, (_, what) =>
    what.startsWith("$") ? what : String(substitutions[what - 1] ?? ""));
}

// A message missing from the chosen locale is said in the default one; never the key itself.
export function t(key, ...substitutions) {
  const message = CATALOGUE[locale()]?.[key] ?? CATALOGUE[DEFAULT_LOCALE][key] ?? "";
  return format(message, substitutions);
}

export function language(setting = chosen) {
  return chosenLanguage(setting).split(/[-_]/)[0];
}

export function pick(text, lang = language()) {
  if (typeof text === "string") return text;
  return text?.[lang] ?? text?.en ?? "";
}

// Marks every [data-i18n] element of a static page with its string.
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.documentElement.lang = locale().replace("_", "-");
}

// The locale to write times and dates in: the browser's first language (en-NZ writes "8 am"), which
// can be more precise than the UI language Chromium offers (en-US or en-GB); but the chosen language
// when a parent chose one the browser's is not ("Monday" in a Polish panel would be "poniedziałek").
export function dateLocale() {
  const browser = navigator.languages?.[0] ?? navigator.language ?? api.i18n.getUILanguage();
  const words = chosenLanguage();
  return language() === browser.split(/[-_]/)[0] ? browser : words.replace("_", "-");
}
