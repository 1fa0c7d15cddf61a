// Two short lines for keeping help private: the shortcut that opens Buoy from any page (and where
// to change it), and how to visit help sites in a private window.
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { privateWindowKeys, shortcutsPage } from "../platform/browser.js";

// Apple keyboards say ⌘ where others say Ctrl.
const forThisKeyboard = (keys) => (/Mac/.test(navigator.platform) ? keys.replace("Ctrl", "⌘") : keys);

async function shortcut() {
  const commands = await chrome.commands.getAll();
  return commands.find((c) => c.name === "_execute_action")?.shortcut ?? "";
}

export function privateHelp() {
  const keys = h("p", { class: "shortcut" });
  shortcut().then((combo) => keys.append(combo
    ? t("shortcutIs", combo, shortcutsPage)
    : t("shortcutNone", shortcutsPage)), () => keys.remove());
  return h("div", { class: "private-help" },
    keys,
    h("p", { class: "private-window" }, t("privateWindowTip", forThisKeyboard(privateWindowKeys))));
}
