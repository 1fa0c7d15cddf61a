// Which listed site a tab shows, from the browser's record of the tab's URL (sender.tab for the
// in-page panel: a page that frames panel.html itself can't make it claim another site). Without
// the tabs permission, the URL is there only for sites Buoy may run on: exactly where it helps.
import { sites } from "../lib/data.js";
import { siteForHost } from "../lib/site-patterns.js";

export async function activeTab() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

export async function siteHere(senderTab) {
  const tab = senderTab ?? (await activeTab());
  let host;
  try {
    host = new URL(tab?.url ?? "").hostname;
  } catch {
    return null;
  }
  const site = siteForHost(host, sites.sites);
  return site ? { id: site.id, name: site.name } : null;
}
