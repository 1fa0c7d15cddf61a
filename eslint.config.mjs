// ESLint for Buoy's JavaScript, one block a folder as Privacy Badger's eslint.config.mjs does:
// what runs where decides the globals (a page, a content script, Node). The style rules are the ones
// the code already keeps; the extension's rules turn the project's promises into errors.
import js from "@eslint/js";
import globals from "globals";

const STYLE = {
  indent: ["error", 2, { SwitchCase: 1 }],
  quotes: ["error", "double", { avoidEscape: true }],
  semi: ["error", "always"],
  "comma-dangle": ["error", "always-multiline"],
  "arrow-parens": ["error", "always"],
  "no-trailing-spaces": "error",
  "eol-last": "error",
  "no-multiple-empty-lines": ["error", { max: 1 }],
  "keyword-spacing": "error",
  "space-before-blocks": "error",
  "comma-spacing": "error",
  "key-spacing": "error",
  eqeqeq: ["error", "smart"],
  "no-var": "error",
  "prefer-const": "error",
  "object-shorthand": "error",
  "prefer-arrow-callback": "error",
};

// Nothing leaves the device and no code arrives (README): no network API, no string run as code, no
// markup parsed from a string (pages build their elements with lib/dom.js's h()).
const EXTENSION_PROMISES = {
  "no-restricted-globals": ["error",
    ...["fetch", "XMLHttpRequest", "WebSocket", "EventSource"].map((name) => ({ name, message: "Nothing leaves the device." }))],
  "no-restricted-properties": ["error", { object: "navigator", property: "sendBeacon", message: "Nothing leaves the device." }],
  "no-restricted-syntax": ["error",
    { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: "Build elements with h()." },
    { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: "Build elements with h()." }],
  "no-eval": "error",
  "no-implied-eval": "error",
  "no-new-func": "error",
};

export default [
  { ignores: ["dist/", "tests/apps/"] },
  js.configs.recommended,
  { languageOptions: { ecmaVersion: "latest", sourceType: "module" }, rules: STYLE },

  // The extension: pages, background and content scripts see the browser and the WebExtension APIs.
  { files: ["extension/**/*.js"],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
    rules: EXTENSION_PROMISES },
  // Content scripts are classic scripts (registered by background/button-scripts.js): no static import.
  { files: ["extension/content/**/*.js"], languageOptions: { sourceType: "script" } },
  // ...but what they import when first needed is a module: the reading, which nudge-watch.js imports
  // when new text first appears, and what only a press needs, which button.js imports at the press.
  { files: ["extension/content/nudge-read.js", "extension/content/button-press.js"], languageOptions: { sourceType: "module" } },

  // Fixture pages' scripts run in a page.
  { files: ["tests/fixtures/**/*.js"], languageOptions: { sourceType: "script", globals: globals.browser } },
  // Build scripts, instruments, the JS unit tests and this file run in Node.
  { files: ["build/**/*.mjs", "tools/**/*.mjs", "tests/js/**/*.mjs", "*.mjs"], languageOptions: { globals: globals.node } },
  { files: ["harness/**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: globals.node } },
];
