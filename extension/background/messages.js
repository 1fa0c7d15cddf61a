// The one table of what the background does when asked, by the names in lib/ask.js, each with who
// may send it (PB's dispatcher idiom). Anything else is not answered.
import { MESSAGE } from "../lib/ask.js";
import { callButton } from "./button-scripts.js";
import { openHelp, openSiteReport } from "./help-tabs.js";
import { pageOf } from "./page-note.js";
import { chatTab, quickExit } from "./quick-exit.js";
import { cuesFor } from "../nudge/engine.js";
import { fromTopFrameScript, fromExtensionPage, fromPanelInTab } from "./senders.js";
import { siteHere } from "./site-here.js";

const handlers = {
  [MESSAGE.openHelp]: {
    allowed: fromExtensionPage,
    run: ({ service, contact }, sender) => openHelp(service, contact, sender.tab),
  },
  // The in-page panel's own tab, or (popup) the active tab: the browser's record, never the panel's.
  [MESSAGE.siteHere]: {
    allowed: fromExtensionPage,
    run: (_, sender) => siteHere(sender.tab),
  },
  [MESSAGE.openSiteReport]: {
    allowed: fromExtensionPage,
    run: ({ site }, sender) => openSiteReport(site, sender.tab),
  },
  [MESSAGE.notePage]: {
    allowed: fromExtensionPage,
    run: (_, sender) => pageOf(sender.tab),
  },
  [MESSAGE.closePanel]: {
    allowed: fromPanelInTab,
    run: (_, sender) => callButton(sender.tab.id, "closePanel"),
  },
  // The tab's button then listens for a second Escape on the page.
  [MESSAGE.panelEscaped]: {
    allowed: fromPanelInTab,
    run: (_, sender) => callButton(sender.tab.id, "escaped"),
  },
  [MESSAGE.quickExit]: {
    allowed: (sender) => fromExtensionPage(sender) || fromTopFrameScript(sender),
    run: async (_, sender) => quickExit(await chatTab(sender)),
  },
  // The nudge watcher, which runs beside the button in the page's top frame: judged here, off the
  // chat page's main thread. The lines are read and answered, never kept (nudge/engine.js).
  [MESSAGE.judgeNudges]: {
    allowed: fromTopFrameScript,
    run: ({ messages, language }) => cuesFor(messages, language),
  },
};

chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const handler = Object.hasOwn(handlers, message?.type) ? handlers[message.type] : null;
  if (!handler || !handler.allowed(sender)) return false;
  // A handler that throws at once (a message that isn't what it expects) is answered like one that fails later.
  new Promise((done) => done(handler.run(message, sender))).then(
    (result) => reply({ ok: true, result }),
    (error) => reply({ ok: false, error: String(error?.message ?? error) }),
  );
  return true;
});
