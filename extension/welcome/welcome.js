// The page a parent sees once, right after installing: what Buoy does and doesn't do, the button
// and the real panel as a child sees them, the country Buoy picked, and the main choices.
import { help } from "../lib/data.js";
import { chooseCountry } from "../lib/country.js";
import { h } from "../lib/dom.js";
import { pick, t, translatePage, useLanguage } from "../lib/i18n.js";
import { BUTTON_SIZES } from "../lib/settings.js";
import { loadSettings, onSettingsChanged, saveSettings } from "../lib/settings-store.js";
import { section } from "../options/controls.js";
import { cornerField, countryField, nudgesField, sizeField } from "../options/fields.js";

const choices = document.getElementById("choices");
const fake = document.getElementById("fake-button");
const frame = document.getElementById("panel-preview");
const status = document.getElementById("status");
let shownPanel = null;

async function save(patch) {
  const refused = await saveSettings(patch);
  status.textContent = refused.length ? t("notSaved") : t("saved");
}

async function render() {
  const { settings, managed } = await loadSettings();
  const page = { settings, managed, save };
  useLanguage(settings.language);
  showWords();
  const code = chooseCountry(settings.country, help);
  fake.dataset.corner = settings.corner;
  fake.style.setProperty("--size", String(BUTTON_SIZES[settings.size]));
  // The panel reads settings when it opens: show it again when the country or language changes.
  const shown = `${code} ${settings.language}`;
  if (shownPanel && shownPanel !== shown) frame.contentWindow.location.reload();
  shownPanel = shown;
  const focused = document.activeElement?.id;
  choices.replaceChildren(section("choices-section", t("choicesTitle"),
    h("p", { class: "country-picked", id: "country-picked" }, t("countryPicked", pick(help.countries[code].name))),
    countryField(page), cornerField(page), sizeField(page), nudgesField(page),
    h("a", { class: "more", href: "../options/options.html" }, t("allSettings"))));
  choices.dataset.ready = "true";
  if (focused) document.getElementById(focused)?.focus();
}

// The page's fixed words, again whenever the parent picks another language.
function showWords() {
  translatePage();
  document.title = t("welcomeTitle");
  const [first, ...rest] = t("buttonLabel").split(" ");
  fake.replaceChildren(first, h("br"), rest.join(" "));
  frame.title = t("previewPanelFrame");
}

showWords();
render();
onSettingsChanged(render);
