// Firefox glue: where a person changes the extension's keyboard shortcut.
export const flavor = "firefox";
export const shortcutsPage = "about:addons";
