// The one-tap bar on every screen: call the child helpline, and the emergency number. Triage never
// stands between a child and a person.
import { h } from "../lib/dom.js";
import { pick, t } from "../lib/i18n.js";
import { emergencyNumber, helplineFor } from "../lib/help-directory.js";
import { dialable, openHelp } from "./services.js";

function helpline(code) {
  const line = helplineFor(code);
  if (!line) return null;
  const name = pick(line.service.name);
  if (line.phone) {
    return h("a", { class: "action", href: `tel:${dialable(line.phone.number)}`, dataset: { helpline: line.id } },
      t("callHelpline", name, line.phone.number));
  }
  return h("button", { type: "button", class: "action", dataset: { helpline: line.id, service: line.id },
    onclick: () => openHelp(line.id) }, t("talkTo", name));
}

function emergency(code, timeZone) {
  const number = emergencyNumber(code, timeZone);
  if (!number) return null;
  return h("a", { class: "action emergency", href: `tel:${dialable(number)}`, dataset: { emergency: number } },
    t("inDanger"), " ", t("callNumber", number));
}

export function helpBar({ code, timeZone }) {
  return h("nav", { class: "help-bar", "aria-label": t("helpNowLabel") }, helpline(code), emergency(code, timeZone));
}
