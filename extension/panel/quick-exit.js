// The "Quick exit" control, on every panel screen: the chat tab becomes a neutral page and the
// help tabs close (background/quick-exit.js). Pressing Escape twice within a second does the same.
//
// The first Escape closes the panel at once, as always (panel.js): waiting to see whether a second
// one follows would make plain closing feel broken. So the button on the page must catch a second
// Escape that lands on the page after the panel has gone: the first one is announced to it here.
import { ask, MESSAGE } from "../lib/ask.js";
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";

const DOUBLE_ESCAPE_MS = 1000;
const inPage = new URLSearchParams(location.search).get("in") === "page";
let lastEscape = -Infinity;

export function quickExit() {
  // The in-page panel goes with its tab; the popup must close itself (the tab it sits on may stay).
  const sent = ask(MESSAGE.quickExit);
  if (!inPage) sent.finally(() => window.close());
}

function onKey(e) {
  if (e.key !== "Escape" || e.repeat) return;
  if (e.timeStamp - lastEscape < DOUBLE_ESCAPE_MS) {
    e.stopImmediatePropagation();
    quickExit();
    return;
  }
  lastEscape = e.timeStamp;
  if (inPage) ask(MESSAGE.panelEscaped);
}

let wired = false;

export function quickExitControl() {
  if (!wired) document.addEventListener("keydown", onKey, true);
  wired = true;
  return h("button", { type: "button", class: "quick-exit", onclick: quickExit, title: t("quickExitHint") },
    t("quickExit"));
}
