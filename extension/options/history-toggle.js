// "Don't keep help sites in history" (issue 6): off until switched on, and only then is the browser
// asked for the `history` permission (from the click itself, as permissions.request requires).
// Switching it off gives the permission back, so Buoy holds it exactly while this is on.
// background/history-cleaner.js does the wiping.
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";

const HISTORY = { permissions: ["history"] };

export function historyField(page) {
  const note = h("p", { class: "hint", id: "cleanHistory-status", role: "status" });
  const box = h("input", { type: "checkbox", id: "field-cleanHistory", "aria-describedby": "cleanHistory-hint cleanHistory-status",
    onchange: (e) => {
      note.textContent = "";
      if (!e.target.checked) {
        page.save({ cleanHistory: false }).then(() => chrome.permissions.remove(HISTORY));
        return;
      }
      const refused = () => {
        box.checked = false;
        note.textContent = t("cleanHistoryDenied");
      };
      chrome.permissions.request(HISTORY).then((granted) => (granted ? page.save({ cleanHistory: true }) : refused()), refused);
    } });
  box.checked = page.settings.cleanHistory;
  chrome.permissions.contains(HISTORY).then((held) => { box.checked = page.settings.cleanHistory && held; });
  return h("div", { class: "field toggle" },
    h("label", {}, box, t("cleanHistoryLabel")),
    h("p", { class: "hint", id: "cleanHistory-hint" }, t("cleanHistoryWhy")),
    note);
}
