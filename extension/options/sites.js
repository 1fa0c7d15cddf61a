// Where the button shows: the default list by category and one by one, and the parent's own sites.
// An own site needs the browser's permission, asked from the click itself (a user gesture); the
// background registers the button there once it is granted (permissions.onAdded).
import { sites } from "../lib/data.js";
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { CATEGORIES, isManaged, MAX_EXTRA_SITES, parseSite } from "../lib/settings.js";
import { hostPatterns } from "../lib/site-patterns.js";
import { section } from "./controls.js";

function categoryGroup(page, category) {
  const on = page.settings.categories[category] !== false;
  const locked = isManaged(page.managed, "disabledSites");
  const categoryBox = h("label", { class: "choice category" },
    h("input", { type: "checkbox", id: `category-${category}`, checked: on, disabled: isManaged(page.managed, "categories"),
      onchange: (e) => page.save({ categories: { ...page.settings.categories, [category]: e.target.checked } }) }),
    t("showOnCategory", t(`category_${category}`)));
  const list = sites.sites.filter((site) => site.category === category).map((site) => h("label", { class: "choice" },
    h("input", { type: "checkbox", id: `site-${site.id}`, checked: on && !page.settings.disabledSites.includes(site.id),
      disabled: !on || locked, "aria-describedby": locked ? "disabledSites-managed" : null,
      onchange: (e) => page.save({ disabledSites: e.target.checked
        ? page.settings.disabledSites.filter((id) => id !== site.id)
        : [...page.settings.disabledSites, site.id] }) }),
    site.name));
  return h("fieldset", { class: "field sites" }, h("legend", {}, t(`category_${category}`)), categoryBox,
    h("div", { class: "site-list" }, list));
}

function ownSite(page, host, locked) {
  const allow = () => chrome.permissions.request({ origins: hostPatterns(host) }).then(page.refresh);
  const remove = async () => {
    await page.save({ extraSites: page.settings.extraSites.filter((s) => s !== host) });
    chrome.permissions.remove({ origins: hostPatterns(host) }).catch(() => {}); // a default site's can't be
  };
  return h("li", { dataset: { host } }, h("span", { class: "host" }, host),
    page.granted.has(host) ? null : h("button", { type: "button", class: "secondary", onclick: allow }, t("allowSite", host)),
    locked ? null : h("button", { type: "button", class: "secondary", onclick: remove, "aria-label": t("removeSite", host) }, t("remove")));
}

function ownSites(page) {
  const locked = isManaged(page.managed, "extraSites");
  const error = h("p", { class: "error", id: "extra-error", hidden: true });
  const input = h("input", { type: "text", id: "extra-input", inputmode: "url", autocomplete: "off", spellcheck: "false",
    "aria-describedby": "extra-hint extra-error", disabled: locked });
  const fail = (message) => {
    error.textContent = message;
    error.hidden = false;
    input.setAttribute("aria-invalid", "true");
    input.focus();
  };
  // Not async: permissions.request must be called while the click is still a user gesture.
  const add = (e) => {
    e.preventDefault();
    const host = parseSite(input.value);
    if (!host) return fail(t("siteInvalid"));
    if (page.settings.extraSites.includes(host)) return fail(t("siteAlready", host));
    if (page.settings.extraSites.length >= MAX_EXTRA_SITES) return fail(t("siteTooMany", String(MAX_EXTRA_SITES)));
    return chrome.permissions.request({ origins: hostPatterns(host) }).then((ok) => (ok
      ? page.save({ extraSites: [...page.settings.extraSites, host] })
      : fail(t("siteNotAllowed", host))));
  };
  return h("div", { class: "field own-sites" },
    h("h3", {}, t("ownSitesTitle")),
    h("ul", { id: "extra-list" }, page.settings.extraSites.map((host) => ownSite(page, host, locked))),
    h("form", { class: "add-site", onsubmit: add },
      h("label", { for: "extra-input" }, t("addSiteLabel")),
      h("p", { class: "hint", id: "extra-hint" }, t("addSiteHint")),
      h("div", { class: "row" }, input, h("button", { type: "submit", disabled: locked }, t("addSite"))),
      error),
    locked ? h("p", { class: "managed", id: "extraSites-managed" }, t("managedNote")) : null);
}

export function sitesSection(page) {
  const locked = isManaged(page.managed, "disabledSites");
  return section("sites", t("sitesTitle"),
    ...CATEGORIES.filter((c) => sites.sites.some((s) => s.category === c)).map((c) => categoryGroup(page, c)),
    locked ? h("p", { class: "managed", id: "disabledSites-managed" }, t("managedNote")) : null,
    ownSites(page));
}
