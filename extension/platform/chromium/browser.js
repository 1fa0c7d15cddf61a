// Chromium glue: where a person changes the extension's keyboard shortcut.
export const flavor = "chromium";
export const shortcutsPage = "chrome://extensions/shortcuts";
