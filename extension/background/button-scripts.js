// Puts the button on exactly the enabled sites: one registered content script whose matches follow
// the settings, and open tabs updated at once (no reload needed). The nudge watcher (issue 11) is a
// second registered script on the same sites, only while settings.nudges is on.
import { sites } from "../lib/data.js";
import { enabledDomains, hostPatterns } from "../lib/site-patterns.js";

// Each: its registered id, file, when it runs, whether the settings want it, and the message that
// takes it out of a tab that should no longer have it.
const SCRIPTS = [
  { id: "buoy-button", file: "content/button.js", runAt: "document_start", wanted: () => true, remove: "button:remove" },
  { id: "buoy-nudges", file: "content/nudge-watch.js", runAt: "document_idle", wanted: (s) => s.nudges, remove: "nudges:remove" },
];

// Extra sites count only once the parent granted them (optional host permissions).
async function granted(domains) {
  const checks = await Promise.all(domains.map((d) => chrome.permissions.contains({ origins: hostPatterns(d) })));
  return domains.filter((_, i) => checks[i]);
}

async function tabsMatching(patterns) {
  return patterns.length ? chrome.tabs.query({ url: patterns }) : [];
}

async function sync({ id, file, runAt, remove }, matches) {
  const [existing] = await chrome.scripting.getRegisteredContentScripts({ ids: [id] });
  const before = existing?.matches ?? [];
  const script = { id, js: [file], matches, runAt, persistAcrossSessions: true };
  if (existing && matches.length) await chrome.scripting.updateContentScripts([script]);
  else if (existing) await chrome.scripting.unregisterContentScripts({ ids: [id] });
  else if (matches.length) await chrome.scripting.registerContentScripts([script]);

  const added = matches.filter((m) => !before.includes(m));
  const removed = before.filter((m) => !matches.includes(m));
  const keep = new Set((await tabsMatching(matches)).map((tab) => tab.id));
  for (const tab of await tabsMatching(removed)) {
    if (!keep.has(tab.id)) chrome.tabs.sendMessage(tab.id, { type: remove }).catch(() => {});
  }
  for (const tab of await tabsMatching(added)) {
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [file] }).catch(() => {});
  }
}

export async function syncButtonScripts(settings) {
  const matches = (await granted(enabledDomains(settings, sites.sites))).flatMap(hostPatterns);
  // In order: a tab gets the button before the watcher that asks it for nudges.
  for (const script of SCRIPTS) await sync(script, script.wanted(settings) ? matches : []);
}
