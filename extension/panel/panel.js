// The help panel. One page serves the toolbar popup and the in-page frame (?in=page), so the chat
// page can neither read nor fake it.
//
//   top bar     Back (not on home) · tools · Close (in page)
//   heading     the screen's title; focus moves here on each new screen
//   help bar    call the child helpline · in danger now? call the emergency number
//   reassurance "It's not your fault. You're not in trouble."
//   screen      home: "What is happening?" · situation: steps, services, the site's report page
import { ask, MESSAGE } from "../lib/ask.js";
import { help } from "../lib/data.js";
import { browserLocale, chooseCountry } from "../lib/country.js";
import { h } from "../lib/dom.js";
import { situation as knownSituation } from "../lib/help-directory.js";
import { t, translatePage, useLanguage } from "../lib/i18n.js";
import { loadSettings } from "../lib/settings-store.js";
import { helpBar } from "./help-bar.js";
import { homeScreen } from "./home.js";
import { keepNote } from "./keep-note.js";
import { showHours } from "./open-now.js";
import { privateHelp } from "./private-help.js";
import { quickExitControl } from "./quick-exit.js";
import { readAloudControl } from "./read-aloud.js";
import { situationScreen } from "./situation.js";

const inPage = new URLSearchParams(location.search).get("in") === "page";
// A nudge opens the panel at its situation (?situation=picture-shared); only ids in the data count.
const asked = knownSituation(new URLSearchParams(location.search).get("situation"))?.id;
const main = document.getElementById("panel");

// Each screen is (ctx, arg) => { title, body: [elements] }.
const SCREENS = { home: homeScreen, situation: situationScreen };
// Top-bar tools shown on every screen: (ctx, screen) => element or null.
const TOOLS = [readAloudControl, quickExitControl];

function close() {
  if (inPage) ask(MESSAGE.closePanel);
  else window.close();
}

let ctx = null;

function show(name, arg) {
  const screen = { name, arg };
  const { title, body } = SCREENS[name](ctx, arg);
  const heading = h("h1", { tabindex: "-1" }, title);
  main.replaceChildren(...[
    h("div", { class: "top" },
      name === "home" ? null : h("button", { type: "button", class: "back", onclick: () => show("home") },
        h("span", { "aria-hidden": "true" }, "← "), t("back")),
      h("div", { class: "tools" }, TOOLS.map((tool) => tool(ctx, screen))),
      inPage ? h("button", { type: "button", class: "close", "aria-label": t("closePanel"), onclick: close }, "✕") : null),
    heading,
    helpBar(ctx),
    h("p", { class: "reassure" }, t("reassurance")),
    ...body,
    name === "situation" ? keepNote() : null,
    name === "home" ? privateHelp() : null,
    inPage ? h("p", { class: "trust" }, t("trustNote")) : null,
  ].filter(Boolean));
  showHours(main, ctx);
  main.dataset.screen = name;
  if (arg) main.dataset.situation = arg;
  else delete main.dataset.situation;
  heading.focus();
}

async function load() {
  // Which listed site this is, as the background knows it (never from the page); null elsewhere.
  const [{ settings, managed }, site] = await Promise.all([loadSettings(), ask(MESSAGE.siteHere)]);
  useLanguage(settings.language);
  translatePage();
  const locale = browserLocale(); // costly (Intl): once, when the panel opens
  ctx = {
    code: chooseCountry(settings.country, help, locale),
    timeZone: locale.timeZone,
    site,
    canChangeCountry: !managed.keys.includes("country"),
    go: show,
    reload: load,
  };
  main.dataset.country = ctx.code;
  if (asked) show("situation", asked);
  else show("home");
}

document.documentElement.classList.toggle("popup", !inPage);
document.addEventListener("keydown", (e) => {
  if (e.key === "Escape") close();
});
translatePage();
load();
