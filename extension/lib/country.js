// Which country's help to show, from the browser's time zone first, then its languages.
// Pure and defensive: odd or missing values fall back to the international entry, never throw.
export const INTERNATIONAL = "INT";

export function detectCountry({ timeZone, languages } = {}, countries = {}) {
  const codes = Object.keys(countries);
  if (typeof timeZone === "string") {
    const byZone = codes.find((code) => countries[code].time_zones?.includes(timeZone));
    if (byZone) return byZone;
  }
  for (const tag of Array.isArray(languages) ? languages : []) {
    if (typeof tag !== "string") continue;
    const exact = codes.find((code) => countries[code].languages?.some((l) => l.toLowerCase() === tag.toLowerCase()));
    if (exact) return exact;
    const region = tag.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
    if (region && region !== INTERNATIONAL && countries[region]) return region;
  }
  return countries[INTERNATIONAL] ? INTERNATIONAL : codes[0];
}

// The browser's own answer. Costly (Intl), so only pages call it, never the content script.
export function browserLocale() {
  let timeZone;
  try {
    timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    timeZone = undefined;
  }
  return { timeZone, languages: [...(navigator.languages ?? []), navigator.language].filter(Boolean) };
}

export function chooseCountry(setting, countries, locale = browserLocale()) {
  if (setting && setting !== "auto" && countries[setting]) return setting;
  return detectCountry(locale, countries);
}
