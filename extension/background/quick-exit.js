// Quick exit: the chat tab is swapped for a neutral page and the help tabs close.
//
// Why close-and-replace rather than tabs.update: tabs.update adds a history entry, so "Back" would
// return to the chat, and a page's back list can't be edited. A new tab at the same place, opened
// before the chat tab closes (so a one-tab window stays open), has no back list at all. The chat
// remains in the browser's "recently closed" list, as any closed tab does.
import { closeHelpTabs } from "./help-tabs.js";
import { fromTopFrameScript } from "./senders.js";
import { loadSettings } from "../lib/settings-store.js";

// The in-page panel is a frame inside the chat tab; the toolbar popup has no tab, so the chat is
// the active tab of the window last used. The button (its second Escape) is on the chat itself.
export async function chatTab(sender) {
  if (sender.tab && (sender.frameId !== 0 || fromTopFrameScript(sender))) return sender.tab;
  const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return active;
}

export async function quickExit(tab) {
  const { settings } = await loadSettings();
  const closing = closeHelpTabs();
  if (tab) {
    await chrome.tabs.create({ url: settings.quickExitUrl, index: tab.index, windowId: tab.windowId, active: true });
    await chrome.tabs.remove(tab.id).catch(() => {});
  } else {
    await chrome.tabs.create({ url: settings.quickExitUrl, active: true });
  }
  await closing;
}
