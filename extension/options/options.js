// The options page: every setting, saved the moment it changes, read-only where a school's policy
// decides it. It re-draws whenever settings change anywhere (another device, the panel, a policy
// arriving a moment after start).
import { t, translatePage, useLanguage } from "../lib/i18n.js";
import { loadSettings, onSettingsChanged, saveSettings } from "../lib/settings-store.js";
import { hostPatterns } from "../lib/site-patterns.js";
import { section } from "./controls.js";
import { cornerField, countryField, languageField, nudgesField, sizeField } from "./fields.js";
import { sitesSection } from "./sites.js";
import { historyField } from "./history-toggle.js";
import { policyNotice } from "./policy-notice.js";

const main = document.getElementById("options");
const status = document.getElementById("status");

async function grantedHosts(hosts) {
  const checks = await Promise.all(hosts.map((host) => chrome.permissions.contains({ origins: hostPatterns(host) })));
  return new Set(hosts.filter((_, i) => checks[i]));
}

async function save(patch) {
  const refused = await saveSettings(patch);
  status.textContent = refused.length ? t("notSaved") : t("saved");
}

async function render() {
  const { settings, managed } = await loadSettings();
  const page = { settings, managed, save, refresh: render, granted: await grantedHosts(settings.extraSites) };
  useLanguage(settings.language); // a new choice re-draws the page in it
  translatePage();
  document.title = t("optionsTitle");
  const focused = document.activeElement?.id;
  main.replaceChildren(
    policyNotice(managed) ?? "",
    section("where", t("countryTitle"), countryField(page)),
    section("language", t("languageTitle"), languageField(page)),
    sitesSection(page),
    section("look", t("buttonTitle"), cornerField(page), sizeField(page)),
    section("features", t("featuresTitle"), nudgesField(page), historyField(page)),
  );
  main.dataset.ready = "true";
  if (focused) document.getElementById(focused)?.focus();
}

translatePage();
document.title = t("optionsTitle");
render();
onSettingsChanged(render);
chrome.permissions.onAdded.addListener(render);
chrome.permissions.onRemoved.addListener(render);
