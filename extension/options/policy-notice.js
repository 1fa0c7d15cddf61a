// Tells a parent or school IT which policy values Buoy ignored, and why the button still works.
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";

const show = (value) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
};

export function policyNotice(managed) {
  const notes = [];
  if (managed.locked) notes.push(h("p", {}, t("policyLocked")));
  if (managed.warnings.length) {
    notes.push(h("p", {}, t("policyIgnored")),
      h("ul", {}, managed.warnings.map((w) => h("li", {}, h("code", {}, w.key), ": ", h("code", {}, show(w.value))))));
  }
  return notes.length ? h("div", { class: "notice", id: "policy-notice", role: "status" }, ...notes) : null;
}
