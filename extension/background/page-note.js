// Answers "which page is this?" for the panel's note: the address the browser itself records for
// the in-page panel's tab (sender.tab), or for the popup the active tab. Never the frame's own URL,
// which a page could fake by framing the panel. Without the tabs permission the address is known
// only on sites Buoy may run on; elsewhere the note simply leaves it out. Nothing is kept.
import { activeTab } from "./site-here.js";

export async function pageOf(senderTab) {
  const tab = senderTab ?? (await activeTab());
  try {
    const url = new URL(tab?.url ?? "");
    return url.protocol === "https:" || url.protocol === "http:" ? { host: url.hostname, url: url.href } : null;
  } catch {
    return null;
  }
}
