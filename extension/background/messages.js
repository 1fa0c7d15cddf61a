// The only messages the background acts on, each with who may send it (PB's dispatcher idiom).
// Pages can't message an extension; content scripts and extension pages can, and are told apart.
import { callButton } from "./button-scripts.js";
import { openHelp, openSiteReport } from "./help-tabs.js";
import { siteHere } from "./site-here.js";

const EXTENSION_ORIGIN = new URL(chrome.runtime.getURL("")).origin;
const fromExtensionPage = (sender) => sender.id === chrome.runtime.id && new URL(sender.url).origin === EXTENSION_ORIGIN;

const handlers = {
  // The panel (popup or in-page frame) asks to open a service by id: never by URL.
  "help:open": {
    allowed: fromExtensionPage,
    run: ({ service, contact }, sender) => openHelp(service, contact, sender.tab),
  },
  // The panel asks which listed site it is helping with: the in-page panel's own tab, or (popup)
  // the active tab. Answered from the browser's own record of the tab, never from the panel.
  "site:here": {
    allowed: fromExtensionPage,
    run: (_, sender) => siteHere(sender.tab),
  },
  // The panel asks to open a listed site's block-and-report help, by site id: never by URL.
  "site:report": {
    allowed: fromExtensionPage,
    run: ({ site }, sender) => openSiteReport(site, sender.tab),
  },
  // The in-page panel asks its own tab's button to close it.
  "panel:close": {
    allowed: (sender) => fromExtensionPage(sender) && sender.tab,
    run: (_, sender) => callButton(sender.tab.id, "closePanel"),
  },
};

export function addHandler(type, allowed, run) {
  handlers[type] = { allowed, run };
}

export { fromExtensionPage };

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const handler = handlers[message?.type];
  if (!handler || !handler.allowed(sender)) return false;
  Promise.resolve(handler.run(message, sender)).then(
    (result) => reply({ ok: true, result }),
    (error) => reply({ ok: false, error: String(error?.message ?? error) }),
  );
  return true;
});
