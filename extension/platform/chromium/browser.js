// Chromium glue: where a person changes the extension's keyboard shortcut, and the keys that open
// a private (Incognito) window.
export const flavor = "chromium";
export const shortcutsPage = "chrome://extensions/shortcuts";
export const privateWindowKeys = "Ctrl+Shift+N";
