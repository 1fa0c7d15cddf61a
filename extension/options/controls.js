// Form controls for one setting each, shared by the options and welcome pages. Every control saves
// the moment it changes; one a school's policy decides is shown, disabled, as set by the organisation.
import { h } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { isManaged } from "../lib/settings.js";

// The page's context: current settings, what policy manages, and how to save a patch.
// { settings, managed, save(patch) }

function managedNote(id) {
  return h("p", { class: "managed", id }, t("managedNote"));
}

function lockedProps(page, key, ...hintIds) {
  const locked = isManaged(page.managed, key);
  const describedBy = [...hintIds, locked ? `${key}-managed` : null].filter(Boolean).join(" ");
  return { locked, props: { disabled: locked, "aria-describedby": describedBy || null } };
}

// A list to choose one from: [{value, label}].
export function selectField(page, key, label, options) {
  const { locked, props } = lockedProps(page, key);
  const select = h("select", { id: `field-${key}`, ...props, onchange: (e) => page.save({ [key]: e.target.value }) },
    options.map(({ value, label: text }) => h("option", { value, selected: page.settings[key] === value }, text)));
  return h("div", { class: "field" }, h("label", { for: `field-${key}` }, label), select,
    locked ? managedNote(`${key}-managed`) : null);
}

// A few choices side by side: [{value, label}].
export function radioField(page, key, legend, options) {
  const { locked, props } = lockedProps(page, key);
  return h("fieldset", { class: "field choices", ...props },
    h("legend", {}, legend),
    options.map(({ value, label }) => h("label", { class: "choice" },
      h("input", { type: "radio", name: key, value, id: `field-${key}-${value}`, checked: page.settings[key] === value,
        disabled: locked, onchange: () => page.save({ [key]: value }) }),
      label)),
    locked ? managedNote(`${key}-managed`) : null);
}

// On or off, with a sentence saying what it does.
export function toggleField(page, key, label, hint) {
  const { locked, props } = lockedProps(page, key, hint ? `${key}-hint` : null);
  return h("div", { class: "field toggle" },
    h("label", {},
      h("input", { type: "checkbox", id: `field-${key}`, checked: page.settings[key] === true, ...props,
        onchange: (e) => page.save({ [key]: e.target.checked }) }),
      label),
    hint ? h("p", { class: "hint", id: `${key}-hint` }, hint) : null,
    locked ? managedNote(`${key}-managed`) : null);
}

export function section(id, title, ...fields) {
  return h("section", { "aria-labelledby": `${id}-title`, id },
    h("h2", { id: `${id}-title` }, title), ...fields);
}
