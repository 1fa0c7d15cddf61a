// One situation: what to do right now, the right service first then the others, and how to block
// and report them on the site the child is on.
import { ask, MESSAGE } from "../lib/ask.js";
import { help, sites } from "../lib/data.js";
import { h } from "../lib/dom.js";
import { pick, t } from "../lib/i18n.js";
import { servicesFor, situation as findSituation, stepsFor } from "../lib/help-directory.js";
import { serviceCard } from "./services.js";

function steps(ctx, id) {
  return h("section", { class: "steps", "aria-labelledby": "steps-heading" },
    h("h2", { id: "steps-heading" }, t("stepsHeading")),
    h("ol", {}, stepsFor(ctx.code, id).map((step) => h("li", {}, pick(step.text)))));
}

function services(ctx, id) {
  const [first, ...rest] = servicesFor(ctx.code, id);
  return [
    h("section", { class: "first-service", "aria-labelledby": "first-heading" },
      h("h2", { id: "first-heading" }, t("firstServiceHeading")),
      serviceCard(first, help.services[first])),
    rest.length ? h("section", { class: "other-services", "aria-labelledby": "others-heading" },
      h("h2", { id: "others-heading" }, t("otherServicesHeading")),
      rest.map((sid) => serviceCard(sid, help.services[sid]))) : null,
  ];
}

// The site's own help page, opened by the background by site id: the panel never holds its URL.
// A listed site without a confirmed report page (OmeTV) gets no button rather than a broken one.
function siteReport(ctx) {
  if (!ctx.site || !sites.sites.find((site) => site.id === ctx.site.id)?.report) return null;
  return h("section", { class: "site-report", "aria-labelledby": "site-heading" },
    h("h2", { id: "site-heading" }, t("siteReportHeading")),
    h("button", { type: "button", class: "action", dataset: { site: ctx.site.id },
      onclick: () => ask(MESSAGE.openSiteReport, { site: ctx.site.id }) },
    t("siteReportButton", ctx.site.name)));
}

export function situationScreen(ctx, id) {
  const situation = findSituation(id);
  return {
    title: pick(situation.label),
    body: [steps(ctx, id), ...services(ctx, id), situation.site_report ? siteReport(ctx) : null],
  };
}
