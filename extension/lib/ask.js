// Every message Buoy's own pages and content scripts send the background, by name, and the one way
// a page sends one. Each has exactly one handler in background/messages.js, with who may send it;
// content scripts can't import, so content/button.js writes its one name out (tests/unit/
// test_background_messages.py holds all three together).
export const MESSAGE = Object.freeze({
  openHelp: "help:open", // { service, contact }: a help service's page, by id (never a URL)
  siteHere: "site:here", // which listed site the panel is helping with
  openSiteReport: "site:report", // { site }: a listed site's block-and-report page, by id
  notePage: "note:page", // the page address for "Keep a note", from the browser's record of the tab
  closePanel: "panel:close", // the in-page panel asks its tab's button to close it
  panelEscaped: "panel:escape", // the in-page panel saw a first Escape
  quickExit: "quickexit:go", // quick exit, from the panel or the button's double Escape
  judgeNudges: "nudge:judge", // { messages, language }: the nudge watcher's lines, each one's cue
});

// The background's answer, or null if it refused, failed or isn't there: a page never breaks
// because the background couldn't help.
export async function ask(type, fields = {}) {
  try {
    const answer = await chrome.runtime.sendMessage({ type, ...fields });
    return answer?.ok ? answer.result : null;
  } catch {
    return null;
  }
}
