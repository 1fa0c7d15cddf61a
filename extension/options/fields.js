// The settings a parent sees on both the welcome and options pages. Adding a setting here is a few
// lines: a key of lib/settings.js, a control from controls.js, and its words in _locales.
import { help } from "../lib/data.js";
import { chooseCountry } from "../lib/country.js";
import { localeOf, LOCALES, pick, t } from "../lib/i18n.js";
import { CORNERS, SIZES } from "../lib/settings.js";
import { radioField, selectField, toggleField } from "./controls.js";

export function countryField(page) {
  const detected = pick(help.countries[chooseCountry("auto", help)].name);
  const countries = Object.entries(help.countries)
    .map(([code, country]) => ({ value: code, label: pick(country.name) }))
    .sort((a, b) => (a.value === help.fallback_country) - (b.value === help.fallback_country) || a.label.localeCompare(b.label));
  return selectField(page, "country", t("countryLabel"), [{ value: "auto", label: t("countryAuto", detected) }, ...countries]);
}

// Message names can't hold "-": bottom-right is corner_bottom_right.
export const cornerField = (page) => radioField(page, "corner", t("cornerLabel"),
  CORNERS.map((value) => ({ value, label: t(`corner_${value.replace("-", "_")}`) })));

export const sizeField = (page) => radioField(page, "size", t("sizeLabel"),
  SIZES.map((value) => ({ value, label: t(`size_${value}`) })));

export const nudgesField = (page) => toggleField(page, "nudges", t("nudgesLabel"), t("nudgesHint"));

// Each language in its own words (Deutsch, polski): a parent looks for the name they know.
function ownName(folder) {
  const tag = folder.replace("_", "-");
  const name = new Intl.DisplayNames([tag], { type: "language" }).of(tag);
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

export function languageField(page) {
  const languages = LOCALES.map((value) => ({ value, label: ownName(value) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return selectField(page, "language", t("languageLabel"),
    [{ value: "auto", label: t("languageAuto", ownName(localeOf("auto"))) }, ...languages]);
}
