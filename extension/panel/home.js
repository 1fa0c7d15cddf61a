// The first screen: "What is happening?", one big button per situation, in the child's words.
import { situations } from "../lib/data.js";
import { h } from "../lib/dom.js";
import { pick, t } from "../lib/i18n.js";
import { countryLine } from "./country-line.js";

function choice(situation, ctx) {
  return h("li", {},
    h("button", { type: "button", class: "situation", dataset: { situation: situation.id },
      onclick: () => ctx.go("situation", situation.id) },
    h("img", { src: `icons/${situation.icon}`, alt: "", width: "40", height: "40" }),
    h("span", {}, pick(situation.label))));
}

export function homeScreen(ctx) {
  return {
    title: t("homeHeading"),
    body: [
      h("ul", { class: "situations" }, situations.situations.map((s) => choice(s, ctx))),
      countryLine(ctx),
    ],
  };
}
