// Puts the button on exactly the enabled sites: one registered content script whose matches follow
// the settings, and open tabs updated at once (no reload needed).
import { sites } from "../lib/data.js";
import { enabledDomains, hostPatterns } from "../lib/site-patterns.js";

const ID = "buoy-button";
const FILE = "content/button.js";

// Extra sites count only once the parent granted them (optional host permissions).
async function granted(domains) {
  const checks = await Promise.all(domains.map((d) => chrome.permissions.contains({ origins: hostPatterns(d) })));
  return domains.filter((_, i) => checks[i]);
}

async function tabsMatching(patterns) {
  return patterns.length ? chrome.tabs.query({ url: patterns }) : [];
}

export async function syncButtonScripts(settings) {
  const matches = (await granted(enabledDomains(settings, sites.sites))).flatMap(hostPatterns);
  const [existing] = await chrome.scripting.getRegisteredContentScripts({ ids: [ID] });
  const before = existing?.matches ?? [];
  const script = { id: ID, js: [FILE], matches, runAt: "document_start", persistAcrossSessions: true };
  if (existing && matches.length) await chrome.scripting.updateContentScripts([script]);
  else if (existing) await chrome.scripting.unregisterContentScripts({ ids: [ID] });
  else if (matches.length) await chrome.scripting.registerContentScripts([script]);

  const added = matches.filter((m) => !before.includes(m));
  const removed = before.filter((m) => !matches.includes(m));
  const keep = new Set((await tabsMatching(matches)).map((tab) => tab.id));
  for (const tab of await tabsMatching(removed)) {
    if (!keep.has(tab.id)) chrome.tabs.sendMessage(tab.id, { type: "button:remove" }).catch(() => {});
  }
  for (const tab of await tabsMatching(added)) {
    chrome.scripting.executeScript({ target: { tabId: tab.id }, files: [FILE] }).catch(() => {});
  }
}
