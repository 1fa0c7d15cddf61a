// Who sent a message, from what the browser says of the sender (never from the message): Buoy's own
// pages, the in-page panel inside a tab, or Buoy's content scripts (the button, the nudge watcher
// beside it) on a page's top frame. Pages can't message an extension at all.
const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL("")).origin;

export const fromExtensionPage = (sender) =>
  sender.id === chrome.runtime.id && new URL(sender.url).origin === EXTENSION_ORIGIN;

// The panel as a frame inside a chat tab (the toolbar popup has no tab).
export const fromPanelInTab = (sender) => fromExtensionPage(sender) && Boolean(sender.tab);

// Buoy's content scripts on a tab's top frame: the button and the nudge watcher alike.
export const fromTopFrameScript = (sender) => sender.id === chrome.runtime.id && Boolean(sender.tab) && sender.frameId === 0 &&
  !sender.url?.startsWith(EXTENSION_ORIGIN);
