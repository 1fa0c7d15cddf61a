// The nudge prompt (issue 11): a short, warm bubble above the button, with one tap to that
// situation's help and one to dismiss. Imported by the button only when a nudge is first shown, so
// pages where nothing risky is said never pay for it. It never takes focus (the child may be
// typing) and is announced politely; presses and keys on it are read by the button's capture
// handlers, so the page never sees them.
const CSS = `
  .buoy-nudge { width: min(300px, calc(100vw - 32px)); padding: 12px; border: 0; border-radius: 16px;
    background: #fef3c7; color: #1f2937; box-shadow: 0 4px 18px rgb(0 0 0 / 0.3);
    font: 400 16px / 1.35 system-ui, "Segoe UI", Roboto, sans-serif; text-align: start; }
  .buoy-nudge p { margin: 0 0 12px; font: inherit; color: inherit; }
  .buoy-nudge div { display: flex; gap: 8px; }
  .buoy-nudge button { flex: 1; min-height: 44px; margin: 0; padding: 4px 8px; border: 2px solid #1d4ed8;
    border-radius: 10px; font: 700 16px / 1.2 system-ui, "Segoe UI", Roboto, sans-serif; cursor: pointer;
    background: #fff; color: #1d4ed8; }
  .buoy-nudge button.go { background: #1d4ed8; color: #fff; }
  .buoy-nudge button:focus-visible { outline: 4px solid #1f2937; outline-offset: 2px; }
`;
const api = globalThis.browser ?? globalThis.chrome;
let bubble = null;
let words = null;
let current = null; // { situation, onDismiss } while shown

function hide() {
  current = null;
  if (bubble?.matches(":popover-open")) bubble.hidePopover();
}

function make(layer, button) {
  layer.addStyles(CSS);
  bubble = document.createElement("div");
  bubble.className = "buoy-nudge";
  bubble.setAttribute("popover", "manual");
  bubble.setAttribute("role", "status");
  bubble.setAttribute("aria-live", "polite");
  words = document.createElement("p");
  const row = document.createElement("div");
  const dismiss = () => {
    const { onDismiss } = current ?? {};
    hide();
    onDismiss?.();
  };
  const actions = [
    ["nudgeHelp", "go", () => {
      const { situation } = current ?? {};
      hide();
      button.openPanel(situation);
    }],
    ["nudgeDismiss", "later", dismiss],
  ];
  for (const [key, cls, act] of actions) {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = globalThis.buoyNudgeText?.[key] ?? api.i18n.getMessage(key); // set by the nudges' words file (content/nudge-read.js)
    layer.addControl(b, act, () => {
      dismiss();
      layer.focusButton();
    });
    row.append(b);
  }
  bubble.append(words, row);
  layer.root.append(bubble);
}

/** Shows the prompt; returns a function that hides it, or null if it can't be shown now. */
export function showPrompt(button, { situation, text, onDismiss }) {
  const { layer } = button;
  if (layer.isOpen() || current || !layer.isShown() || !text) return null; // help open, a nudge showing, or no button
  if (!bubble) make(layer, button);
  current = { situation, onDismiss };
  words.textContent = "";
  layer.place(bubble);
  layer.show(bubble);
  layer.raise(); // the button stays on top
  requestAnimationFrame(() => { words.textContent = text; }); // after showing, so it is announced
  return hide;
}
