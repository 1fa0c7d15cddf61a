// A service as a card: what it is for, in a child's words, and one big button per way to reach it.
import { ask, MESSAGE } from "../lib/ask.js";
import { h } from "../lib/dom.js";
import { language, pick, t } from "../lib/i18n.js";

export const dialable = (number) => number.replace(/[\s-]/g, "");

// Links are opened by the extension (background), by service id: the panel never holds a URL
// the page could have put there.
export function openHelp(service, contact) {
  return ask(MESSAGE.openHelp, { service, contact });
}

function helpButton(text, serviceId, contactIndex, secondary = false) {
  return h("button", {
    type: "button",
    class: secondary ? "action secondary" : "action",
    dataset: { service: serviceId, ...(contactIndex !== undefined && { contact: String(contactIndex) }) },
    onclick: () => openHelp(serviceId, contactIndex),
  }, text);
}

// The word to text in the child's language when the service has one (TEXTO in French for Kids Help Phone).
const textWord = (contact) => contact.message_by_locale?.[language()]?.message ?? contact.message;

// Every contact's element names its service and index, so opening hours can be shown on it.
export function contactAction(contact, index, serviceId) {
  const dataset = { service: serviceId, contact: String(index) };
  switch (contact.type) {
    case "phone":
      return h("a", { class: "action", href: `tel:${dialable(contact.number)}`, dataset }, t("callNumber", contact.number));
    case "text":
      return h("a", { class: "action", href: `sms:${dialable(contact.number)}`, dataset },
        textWord(contact) ? t("textMessageTo", textWord(contact), contact.number) : t("textNumber", contact.number));
    case "chat":
      return helpButton(t("chatOnline"), serviceId, index);
    case "email":
      return helpButton(t("emailThem"), serviceId, index);
    default:
      return contact.url ? helpButton(t("openWebsite"), serviceId, index) : null;
  }
}

const WEBSITE_LABEL = { helpline: "openWebsite", report: "reportNow", removal: "takeItDown", directory: "findHelpline" };

export function serviceCard(id, service) {
  return h("section", { class: "card", dataset: { serviceId: id } },
    h("h3", {}, pick(service.name)),
    h("p", {}, pick(service.description)),
    h("div", { class: "actions" },
      (service.contacts ?? []).map((contact, i) => contactAction(contact, i, id)),
      helpButton(t(WEBSITE_LABEL[service.kind] ?? "openWebsite"), id, undefined, Boolean(service.contacts?.length))));
}
