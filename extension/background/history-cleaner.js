// "Don't keep help sites in history" (opt-in): visits to the help services' domains are deleted as
// they happen. It needs the optional `history` permission; chrome.history exists only while that is
// held, so the listener is added only then (at start-up, synchronously, so a visit wakes the worker;
// or the moment the permission arrives) and removed when it goes.
import { isHelpUrl } from "../lib/help-domains.js";
import { loadSettings } from "../lib/settings-store.js";

let listening = false;

async function onVisited(item) {
  if (!isHelpUrl(item.url)) return;
  const { settings } = await loadSettings();
  if (settings.cleanHistory) await chrome.history.deleteUrl({ url: item.url });
}

function follow() {
  const held = Boolean(globalThis.chrome?.history?.onVisited);
  if (held && !listening) chrome.history.onVisited.addListener(onVisited);
  if (!held && listening) globalThis.chrome?.history?.onVisited?.removeListener(onVisited);
  listening = held;
}

follow();
chrome.permissions.onAdded.addListener(follow);
chrome.permissions.onRemoved.addListener(follow);
