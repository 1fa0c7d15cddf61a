// Puts the button on exactly the enabled sites: registered content scripts whose matches follow the
// settings, and open tabs updated at once (no reload needed). The nudge watcher (issue 11) is a
// second registered script on the same sites, only while settings.nudges is on.
//
// The button touches no extension API while a page loads: its words come from a built file
// content/locale/<folder>.js (the language the parent chose, or the browser's), and its look from
// content/look/<corner>-<size>.js, both registered before it; the watcher imports its own words
// from the same folder, content/locale/<folder>-nudges.js, once new text appears (build/messages.py).
// Open tabs are changed by calling into the button's isolated world.
import { sites } from "../lib/data.js";
import { localeOf } from "../lib/i18n.js";
import { BUTTON_SIZES } from "../lib/settings.js";
import { enabledDomains, hostPatterns } from "../lib/site-patterns.js";

// The look files are written by build/button_look.py, one for each corner and size.
const buttonFiles = (settings) => [
  `content/locale/${localeOf(settings.language)}.js`,
  `content/look/${settings.corner}-${settings.size}.js`,
  "content/button.js",
];

// Each: its registered id, files, when it runs, whether the settings want it, and how a tab that
// should no longer have it lets it go (run in the content scripts' own isolated world).
const SCRIPTS = [
  { id: "buoy-button", files: buttonFiles, runAt: "document_start", wanted: () => true,
    remove: () => globalThis.buoyButton?.teardown() },
  { id: "buoy-nudges", files: () => ["content/nudge-watch.js"],
    runAt: "document_idle", wanted: (s) => s.nudges,
    remove: () => globalThis.buoyNudges?.teardown() },
];

// Extra sites count only once the parent granted them (optional host permissions).
async function granted(domains) {
  const checks = await Promise.all(domains.map((d) => chrome.permissions.contains({ origins: hostPatterns(d) })));
  return domains.filter((_, i) => checks[i]);
}

async function tabsMatching(patterns) {
  return patterns.length ? chrome.tabs.query({ url: patterns }) : [];
}

const inTab = (tabId, func, args = []) =>
  chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, func, args }).catch(() => {});

// What each script was last given, and the look open buttons last took, while this worker lives: a
// settings change that alters neither (the country, the quick-exit page) leaves tabs alone.
const given = new Map();
let shownLook = null;

async function sync({ id, runAt, remove }, files, matches) {
  const state = JSON.stringify([files, matches]);
  if (given.get(id) === state) return;
  const [existing] = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
  const before = existing?.matches ?? [];
  const script = { id, js: files, matches, runAt, persistAcrossSessions: true };
  if (existing && matches.length) await chrome.scripting.updateContentScripts([script]);
  else if (existing) await chrome.scripting.unregisterContentScripts({ ids: [id] });
  else if (matches.length) await chrome.scripting.registerContentScripts([script]);

  const added = matches.filter((m) => !before.includes(m));
  const removed = before.filter((m) => !matches.includes(m));
  const keep = new Set((await tabsMatching(matches)).map((tab) => tab.id));
  for (const tab of await tabsMatching(removed)) if (!keep.has(tab.id)) await inTab(tab.id, remove);
  for (const tab of await tabsMatching(added)) {
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files }).catch(() => {});
  }
  given.set(id, state);
}

// One sync at a time: at install the defaults and the welcome page's first save arrive together, and
// two syncs at once both found nothing registered and both registered (the second failed), or
// re-registered while a tab was loading, which then had no button.
let syncing = Promise.resolve();
export function syncButtonScripts(settings) {
  const run = syncing.then(() => syncNow(settings));
  syncing = run.catch(() => {}); // a failed sync leaves the next one to try again
  return run;
}

async function syncNow(settings) {
  const matches = (await granted(enabledDomains(settings, sites.sites))).flatMap(hostPatterns);
  // In order: a tab gets the button before the watcher that asks it for nudges.
  for (const script of SCRIPTS) await sync(script, script.files(settings), script.wanted(settings) ? matches : []);
  // Buttons already on open pages take the parent's corner and size at once.
  const look = { corner: settings.corner, size: BUTTON_SIZES[settings.size] };
  if (JSON.stringify(look) === shownLook) return;
  shownLook = JSON.stringify(look);
  for (const tab of await tabsMatching(matches)) await inTab(tab.id, (l) => globalThis.buoyButton?.setLook(l), [look]);
}

// Asks the button in a tab to do something the panel or a shortcut decided (close, Escape seen).
export const callButton = (tabId, method) => inTab(tabId, (m) => globalThis.buoyButton?.[m]?.(), [method]);
