// The help panel. One page serves the toolbar popup and the in-page frame (?in=page), so the chat
// page can neither read nor fake it.
import { help } from "../lib/data.js";
import { chooseCountry } from "../lib/country.js";
import { h } from "../lib/dom.js";
import { pick, t, translatePage } from "../lib/i18n.js";
import { loadSettings, saveSettings } from "../lib/settings-store.js";
import { serviceCard } from "./services.js";

const inPage = new URLSearchParams(location.search).get("in") === "page";
const main = document.getElementById("panel");

function close() {
  if (inPage) chrome.runtime.sendMessage({ type: "panel:close" });
  else window.close();
}

function countryLine(code, canChange, rerender) {
  const name = pick(help.countries[code].name);
  const line = h("p", { class: "country" }, t("helpFor", name));
  if (!canChange) return line;
  const picker = h("select", { "aria-label": t("chooseCountry"), onchange: async (e) => {
    await saveSettings({ country: e.target.value });
    rerender();
  } }, Object.entries(help.countries).map(([c, country]) =>
    h("option", { value: c, selected: c === code }, pick(country.name))));
  const change = h("button", { type: "button", class: "link-button", onclick: () => {
    change.replaceWith(picker);
    picker.focus();
  } }, t("notYourCountry"));
  line.append(" ", change);
  return line;
}

function emergency(code) {
  const number = help.countries[code].emergency?.number;
  if (!number) return null;
  return h("p", { class: "emergency" }, t("inDanger"), " ",
    h("a", { href: `tel:${number}` }, t("callNumber", number)));
}

async function render() {
  const { settings, managed } = await loadSettings();
  const code = chooseCountry(settings.country, help.countries);
  const country = help.countries[code];
  main.replaceChildren(...[
    h("div", { class: "top" },
      h("h1", { tabindex: "-1" }, t("panelHeading")),
      inPage ? h("button", { type: "button", class: "close", "aria-label": t("closePanel"), onclick: close }, "✕") : null),
    h("p", { class: "reassure" }, t("reassurance")),
    emergency(code),
    ...country.services.map((id) => serviceCard(id, help.services[id])),
    countryLine(code, !managed.keys.includes("country"), render),
    inPage ? h("p", { class: "trust" }, t("trustNote")) : null,
  ].filter(Boolean));
  main.dataset.country = code;
  main.querySelector("h1").focus();
}

document.documentElement.classList.toggle("popup", !inPage);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") close();
});
translatePage();
render();
