// UI strings come from _locales (chrome.i18n); text in the data files is {en, fr, ...}.
const api = globalThis.browser ?? globalThis.chrome;

export function t(key, ...substitutions) {
  return api.i18n.getMessage(key, substitutions.map(String)) || key;
}

export function language() {
  return api.i18n.getUILanguage().split(/[-_]/)[0];
}

export function pick(text, lang = language()) {
  if (typeof text === "string") return text;
  return text?.[lang] ?? text?.en ?? "";
}

// Marks every [data-i18n] element of a static page with its string.
export function translatePage(root = document) {
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  document.documentElement.lang = api.i18n.getUILanguage();
}

// The locale to write times and dates in: the browser's first language (en-NZ writes "8 am"), which
// can be more precise than the UI language Chromium offers (en-US or en-GB).
export function dateLocale() {
  return navigator.languages?.[0] ?? navigator.language ?? api.i18n.getUILanguage();
}
