// "Open now" or "Opens at 8 am" on every contact with opening hours, and under a service that is
// closed, one that is open now (its own other contacts first, then the country's other services).
// Called after each screen is drawn; the time is the browser's own clock, shown in the child's locale.
import { help } from "../lib/data.js";
import { h } from "../lib/dom.js";
import { dateLocale, pick, t } from "../lib/i18n.js";
import { helplineFor } from "../lib/help-directory.js";
import { nextOpen, status } from "../lib/hours.js";
import { contactAction } from "./services.js";

function opensWhen(date, now) {
  const time = new Intl.DateTimeFormat(dateLocale(), { hour: "numeric", ...(date.getMinutes() && { minute: "2-digit" }) }).format(date);
  if (date.toDateString() === now.toDateString()) return t("opensAt", time);
  return t("opensDayAt", new Intl.DateTimeFormat(dateLocale(), { weekday: "long" }).format(date), time);
}

function badge(s, now) {
  if (s.open === true) return h("span", { class: "hours open" }, t("openNow"));
  if (s.open === false) return h("span", { class: "hours closed" }, s.opensAt ? opensWhen(s.opensAt, now) : t("closedNow"));
  return null; // unknown hours: say nothing rather than guess
}

function withBadge(el, hours, now) {
  const b = badge(status(hours, now), now);
  if (el && b) el.append(b);
  return el;
}

// An open contact to offer instead of a closed service, as {serviceId, index, contact}, or null.
function openInstead(serviceId, code, now) {
  const contacts = help.services[serviceId]?.contacts ?? [];
  if (!contacts.some((c) => status(c.hours, now).open === false)) return null;
  const others = (help.countries[code]?.services ?? []).filter((id) => id !== serviceId);
  for (const id of [serviceId, ...others]) {
    const found = nextOpen(help.services[id]?.contacts, now);
    if (found?.status.open === true) return { serviceId: id, ...found };
  }
  return null;
}

export function showHours(root, { code }, now = new Date()) {
  for (const el of root.querySelectorAll("[data-service][data-contact]")) {
    withBadge(el, help.services[el.dataset.service]?.contacts?.[Number(el.dataset.contact)]?.hours, now);
  }
  for (const el of root.querySelectorAll("[data-helpline]")) withBadge(el, helplineFor(code)?.phone?.hours, now);
  for (const card of root.querySelectorAll(".card[data-service-id]")) {
    const alt = openInstead(card.dataset.serviceId, code, now);
    if (!alt) continue;
    const action = withBadge(contactAction(alt.contact, alt.index, alt.serviceId), alt.contact.hours, now);
    card.append(h("div", { class: "open-instead" },
      h("p", {}, t("openInstead"), " ", h("strong", {}, pick(help.services[alt.serviceId].name))), action));
  }
}
