// The settings a parent (or a school's policy) chooses, their defaults, and how untrusted values
// (old versions, sync from another device, a policy) become safe ones. Pure: no storage here.
import look from "../data/button-look.js";

export const SCHEMA = 1;

// The button's corners, and its sizes in CSS px by the name a setting stores: data/button-look.json,
// from which the build also writes the button's look files (build/button_look.py).
export const CORNERS = Object.freeze([...look.corners]);
export const BUTTON_SIZES = Object.freeze({ ...look.sizes });
export const SIZES = Object.keys(BUTTON_SIZES);
export const CATEGORIES = ["chat", "game", "social", "video"];

export const DEFAULTS = Object.freeze({
  schema: SCHEMA,
  country: "auto",
  categories: Object.freeze({ chat: true, game: true, social: true, video: true }),
  disabledSites: Object.freeze([]),
  extraSites: Object.freeze([]),
  corner: look.default.corner,
  size: look.default.size,
  nudges: true,
  quickExitUrl: "https://www.google.com/search?q=weather",
  cleanHistory: false,
  language: "auto", // the browser's; or a _locales folder (issue 17)
});

export const MAX_EXTRA_SITES = 50;

// A host a parent may add: letters, digits, hyphens and dots, at least one dot, no scheme or path.
const HOST = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function parseSite(input) {
  const text = String(input ?? "").trim().toLowerCase()
    .replace(/^https?:\/\//, "").replace(/^\*\./, "").replace(/\/.*$/, "");
  return HOST.test(text) ? text : null;
}

function isHttpsUrl(value) {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

// Each field: a test of the value, and a fixer for values that can be made safe.
const FIELDS = {
  country: (v, ctx) => v === "auto" || (typeof v === "string" && ctx.countries.includes(v)),
  categories: (v) => v && typeof v === "object" && Object.entries(v)
    .every(([k, on]) => CATEGORIES.includes(k) && typeof on === "boolean"),
  disabledSites: (v, ctx) => Array.isArray(v) && v.length <= ctx.siteIds.length && v.every((id) => ctx.siteIds.includes(id)),
  extraSites: (v) => Array.isArray(v) && v.length <= MAX_EXTRA_SITES && v.every((s) => parseSite(s) === s),
  corner: (v) => CORNERS.includes(v),
  size: (v) => SIZES.includes(v),
  nudges: (v) => typeof v === "boolean",
  quickExitUrl: (v) => isHttpsUrl(v),
  cleanHistory: (v) => typeof v === "boolean",
  language: (v, ctx) => v === "auto" || (typeof v === "string" && ctx.languages.includes(v)),
};

/**
 * The fields of `raw` that are valid, and a warning for each that is not (it is dropped).
 * `ctx` lists what the data knows: { countries: ["GB", ...], siteIds: ["discord", ...], languages: ["en", ...] }.
 */
export function validFields(raw, ctx) {
  const values = {};
  const warnings = [];
  const source = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
  for (const [key, valid] of Object.entries(FIELDS)) {
    if (!(key in source)) continue;
    if (valid(source[key], ctx)) values[key] = source[key];
    else warnings.push({ key, value: source[key] });
  }
  return { values, warnings };
}

// Defaults, then each layer's valid fields in order (the parent's, then the school's policy).
export function combine(...layers) {
  const settings = { ...DEFAULTS, categories: { ...DEFAULTS.categories } };
  for (const values of layers) {
    for (const [key, value] of Object.entries(values)) {
      settings[key] = key === "categories" ? { ...settings.categories, ...value } : value;
    }
  }
  return settings;
}

// Steps that take stored settings from one schema version to the next: MIGRATIONS[n] turns
// version n+1 into n+2 (version 1 is the first shipped). Never edit a step once released.
const MIGRATIONS = [];

const isRecord = (v) => Boolean(v) && typeof v === "object" && !Array.isArray(v);

export function migrate(stored) {
  if (!isRecord(stored)) return {};
  let version = Number.isInteger(stored.schema) ? stored.schema : 1;
  if (version > SCHEMA) return stored; // from a newer Buoy (sync): sanitize keeps what it can read
  let value = stored;
  for (; version < SCHEMA; version += 1) value = MIGRATIONS[version - 1](value);
  return { ...value, schema: SCHEMA };
}

/**
 * Settings as read back from storage: migrated, then only the valid fields. Something stored that
 * is not a settings object at all (a string, an array) is one warning, and the defaults stand.
 */
export function readStored(stored, ctx) {
  if (stored === undefined || stored === null) return { values: {}, warnings: [] };
  if (!isRecord(stored)) return { values: {}, warnings: [{ key: "settings", value: stored }] };
  return validFields(migrate(stored), ctx);
}

// Whether a school's policy decides this setting: the page shows it read-only.
export function isManaged(managed, key) {
  return managed.locked === true || managed.keys.includes(key);
}
