// Where settings live: the parent's in storage.sync (storage.local if sync is unavailable), a
// school's in storage.managed. Broken values never reach the button: they are dropped with a warning.
import { combine, migrate, readStored, SCHEMA, validFields } from "./settings.js";
import { countryCodes, siteIds } from "./data.js";
import CATALOGUE from "./messages.js";

const KEY = "settings";
export const POLICY_KEYS = ["country", "language", "extraSites", "disabledSites", "size", "corner", "nudges", "locked"];

async function area() {
  try {
    await chrome.storage.sync.get(KEY);
    return chrome.storage.sync;
  } catch {
    return chrome.storage.local;
  }
}

// Chromium answers storage.managed only about 2 s after the browser starts (research/browser-facts.md).
// A child opening the panel then must not wait: until it answers, use the policy last seen (kept in
// storage.local); onSettingsChanged fires for the "managed" area when the answer arrives.
const MANAGED_WAIT_MS = 250;
const LAST_POLICY = "lastPolicy";

// Written only when it changed: opening the panel must leave storage as it was (no trace of help).
async function keep(policy) {
  try {
    const last = (await chrome.storage.local.get(LAST_POLICY))[LAST_POLICY] ?? {};
    if (JSON.stringify(last) !== JSON.stringify(policy)) await chrome.storage.local.set({ [LAST_POLICY]: policy });
  } catch {
    // storage unavailable: the policy still applies this time
  }
  return policy;
}

async function readManaged() {
  let answer;
  try {
    answer = Promise.resolve(chrome.storage.managed.get()).then((v) => keep(v ?? {}), () => keep({}));
  } catch {
    return {}; // no managed storage at all
  }
  const late = new Promise((resolve) => setTimeout(resolve, MANAGED_WAIT_MS, null));
  return (await Promise.race([answer, late])) ?? (await chrome.storage.local.get(LAST_POLICY))[LAST_POLICY] ?? {};
}

const context = () => ({ countries: countryCodes(), siteIds: siteIds(), languages: Object.keys(CATALOGUE) });

export async function loadSettings() {
  const [stored, managed] = await Promise.all([area().then((a) => a.get(KEY)), readManaged()]);
  const own = readStored(stored[KEY], context());
  const policyRaw = Object.fromEntries(Object.entries(managed).filter(([k]) => POLICY_KEYS.includes(k)));
  const policy = validFields(policyRaw, context());
  const locked = managed.locked === true;
  if (managed.locked !== undefined && typeof managed.locked !== "boolean") {
    policy.warnings.push({ key: "locked", value: managed.locked });
  }
  for (const w of own.warnings) console.warn("Buoy: ignored a stored setting", w.key, w.value);
  for (const w of policy.warnings) console.warn("Buoy: ignored a policy value", w.key, w.value);
  return {
    settings: combine(own.values, policy.values),
    managed: { keys: Object.keys(policy.values), locked, warnings: policy.warnings },
    warnings: own.warnings,
  };
}

// Saves only valid fields; returns the warnings for those refused, so the page can say why.
export async function saveSettings(patch) {
  const target = await area();
  const current = migrate((await target.get(KEY))[KEY]);
  const { values, warnings } = validFields(patch, context());
  await target.set({ [KEY]: { ...current, ...values, schema: SCHEMA } });
  return warnings;
}

// A policy that answered after the wait is kept as the last policy seen (keep()): that write is a
// change too. Firefox reads policies.json once and never fires onChanged for "managed", so on a slow
// start the button was registered without the school's corner and sites, and stayed so.
export function onSettingsChanged(callback) {
  chrome.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === "managed" || KEY in changes || LAST_POLICY in changes) callback();
  });
}
