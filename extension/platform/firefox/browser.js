// Firefox glue: where a person changes the extension's keyboard shortcut (Manage Extension
// Shortcuts, in the add-ons page's gear menu), and the keys that open a private window.
export const flavor = "firefox";
export const shortcutsPage = "about:addons";
export const privateWindowKeys = "Ctrl+Shift+P";
