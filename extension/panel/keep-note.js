// "Keep a note for later": copies a short plain-text note (site, page address, time, and the
// username the child may type) to give to a trusted adult or paste into a report. Buoy keeps none
// of it: nothing is written to storage, and the field is not a form the browser would remember.
// The page address comes from the background (the browser's record of the tab), never from the page.
import { ask, MESSAGE } from "../lib/ask.js";
import { h } from "../lib/dom.js";
import { dateLocale, t } from "../lib/i18n.js";

function readableTime(now) {
  return new Intl.DateTimeFormat(dateLocale(), { weekday: "long", day: "numeric", month: "long",
    year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(now);
}

export function noteText({ page, username, now }) {
  return [
    t("noteTitle"),
    page ? t("noteSite", page.host) : null,
    page ? t("notePage", page.url) : null,
    t("noteTime", readableTime(now)),
    username ? t("noteUser", username) : null,
  ].filter(Boolean).join("\n");
}

export function keepNote() {
  const username = h("input", { type: "text", id: "note-username", autocomplete: "off", spellcheck: "false",
    maxlength: "100", "aria-describedby": "note-kept" });
  const said = h("p", { class: "note-status", role: "status" });
  const shown = h("pre", { class: "note-text", hidden: true });
  const copy = async () => {
    const text = noteText({ page: await ask(MESSAGE.notePage), username: username.value.trim(), now: new Date() });
    shown.textContent = text; // on screen too: to show an adult, or if copying is not allowed
    shown.hidden = false;
    try {
      await navigator.clipboard.writeText(text);
      said.textContent = t("noteCopied");
    } catch {
      said.textContent = t("noteNotCopied");
    }
  };
  return h("section", { class: "keep-note", "aria-labelledby": "note-heading" },
    h("h2", { id: "note-heading" }, t("noteHeading")),
    h("label", { for: "note-username" }, t("noteUsername")),
    username,
    h("button", { type: "button", class: "action", onclick: copy }, t("noteCopy")),
    h("p", { id: "note-kept", class: "note-kept" }, t("noteKept")),
    said, shown);
}
