// "Help for <country>. Not your country?": the picker, unless a school's policy fixed the country.
import { help } from "../lib/data.js";
import { h } from "../lib/dom.js";
import { pick, t } from "../lib/i18n.js";
import { saveSettings } from "../lib/settings-store.js";

export function countryLine({ code, canChangeCountry, reload }) {
  const line = h("p", { class: "country" }, t("helpFor", pick(help.countries[code].name)));
  if (!canChangeCountry) return line;
  const picker = h("select", { "aria-label": t("chooseCountry"), onchange: async (e) => {
    await saveSettings({ country: e.target.value });
    reload();
  } }, Object.entries(help.countries).map(([c, country]) =>
    h("option", { value: c, selected: c === code }, pick(country.name))));
  const change = h("button", { type: "button", class: "link-button", onclick: () => {
    change.replaceWith(picker);
    picker.focus();
  } }, t("notYourCountry"));
  line.append(" ", change);
  return line;
}
