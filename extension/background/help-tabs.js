// Opens help sites for the panel, as the extension (so the chat page can neither see nor stop it),
// and remembers only the ids of those tabs, in memory-only session storage, so quick exit can close
// them. No URL, time or count is kept; ids go as soon as the tab closes.
import { help, sites } from "../lib/data.js";
import { serviceUrl } from "../lib/help-directory.js";
import { language } from "../lib/i18n.js";
import { loadSettings } from "../lib/settings-store.js";

const KEY = "helpTabs";

export function helpUrl(serviceId, contactIndex, lang = language()) {
  const service = help.services[serviceId];
  if (!service) return null;
  if (contactIndex === undefined || contactIndex === null) return serviceUrl(serviceId, lang);
  const contact = service.contacts?.[contactIndex];
  return contact?.url ?? null;
}

async function ids() {
  return (await chrome.storage.session.get(KEY))[KEY] ?? [];
}

export async function openHelp(serviceId, contactIndex, openerTab) {
  // The service's own page in the language the parent chose for Buoy (issue 17).
  const { settings } = await loadSettings();
  const url = helpUrl(serviceId, contactIndex, language(settings.language));
  if (!url) throw new Error(`no help link for ${serviceId}#${contactIndex}`);
  return openTab(url, openerTab);
}

// A listed site's own block-and-report help, by site id.
export async function openSiteReport(siteId, openerTab) {
  const url = sites.sites.find((site) => site.id === siteId)?.report?.url;
  if (!url) throw new Error(`no report page for site ${siteId}`);
  return openTab(url, openerTab);
}

async function openTab(url, openerTab) {
  const where = openerTab ? { openerTabId: openerTab.id, index: openerTab.index + 1, windowId: openerTab.windowId } : {};
  const tab = await chrome.tabs.create({ url, active: true, ...where });
  await chrome.storage.session.set({ [KEY]: [...(await ids()), tab.id] });
  return tab.id;
}

export async function closeHelpTabs() {
  const open = await ids();
  await chrome.storage.session.remove(KEY);
  await Promise.all(open.map((id) => chrome.tabs.remove(id).catch(() => {})));
}

chrome.tabs.onRemoved.addListener(async (tabId) => {
  const open = await ids();
  if (open.includes(tabId)) await chrome.storage.session.set({ [KEY]: open.filter((id) => id !== tabId) });
});
