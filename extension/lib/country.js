// Which country's help to show, from the browser's time zone first, then its languages.
// Pure and defensive: odd or missing values fall back to help.json's fallback_country (the
// everywhere-else entry), never throw. `directory` is help.json: countries, emergency_regions and
// fallback_country.
export function detectCountry({ timeZone, languages } = {}, directory = {}) {
  const { countries = {}, emergency_regions: regions = [] } = directory;
  const codes = Object.keys(countries);
  const fallback = countries[directory.fallback_country] ? directory.fallback_country : codes[0];
  const tags = (Array.isArray(languages) ? languages : []).filter((tag) => typeof tag === "string");
  const byZone = typeof timeZone === "string" ? codes.filter((code) => countries[code].time_zones?.includes(timeZone)) : [];
  // A zone several countries share (Europe/Berlin: Germany, Denmark, Sweden, Norway) goes to the one the
  // browser's language names, else to the first listed.
  if (byZone.length) return byLanguage(tags, byZone, countries) ?? byZone[0];
  // A zone of a known place with no country entry (Amsterdam, Reykjavik) keeps the everywhere-else
  // card and its emergency number: an en-US browser there must not bring up 911.
  if (Array.isArray(regions) && regions.some((r) => r?.time_zones?.includes(timeZone))) return fallback;
  return byLanguage(tags, codes.filter((code) => code !== fallback), countries) ?? fallback;
}

// The first of `codes` a language tag names, by exact tag or by its region (en-GB, zh-Hant-NZ).
function byLanguage(tags, codes, countries) {
  for (const tag of tags) {
    const exact = codes.find((code) => countries[code].languages?.some((l) => l.toLowerCase() === tag.toLowerCase()));
    if (exact) return exact;
    const region = tag.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase();
    if (region && codes.includes(region)) return region;
  }
  return undefined;
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

export function chooseCountry(setting, directory, locale = browserLocale()) {
  if (setting && setting !== "auto" && directory.countries[setting]) return setting;
  return detectCountry(locale, directory);
}
