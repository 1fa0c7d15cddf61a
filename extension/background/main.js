// Buoy's background: keeps the button on the enabled sites, in the chosen look, and answers the
// panel (messages.js, the one table of what it does when asked). Each job is its own module.
import "./messages.js";
import "./welcome.js";
import "./history-cleaner.js";
import { syncButtonScripts } from "./button-scripts.js";
import { loadSettings, onSettingsChanged } from "../lib/settings-store.js";

async function apply() {
  const { settings } = await loadSettings();
  await syncButtonScripts(settings);
}

chrome.runtime.onInstalled.addListener(apply);
chrome.runtime.onStartup.addListener(apply);
chrome.permissions.onAdded.addListener(apply);
chrome.permissions.onRemoved.addListener(apply);
onSettingsChanged(apply);
