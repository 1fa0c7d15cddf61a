// What only a press needs, imported by content/button.js at the first press on the button or its
// first focus (a press made while it loads is kept and handled once it has): the panel, Escape and
// quick exit, and the nudge prompt's controls. Pages where help is never asked for never load it.
//
//   <buoy-help> ─ closed shadow root (content/button.js)
//     ├─ <button popover>  the button
//     ├─ <div popover>     the panel: an extension-page <iframe>, made at the first press
//     └─ the nudge prompt (nudge/prompt.js, imported on the first nudge), its controls read here
const PANEL_CSS = `
  .buoy-panel { width: min(380px, calc(100vw - 16px)); height: min(600px, calc(100vh - (var(--size) + var(--lift)) * 1px - 48px));
    padding: 0; border: 0; border-radius: 16px; background: #fff; box-shadow: 0 8px 30px rgb(0 0 0 / 0.4); }
  .buoy-panel iframe { display: block; width: 100%; height: 100%; border: 0; }
`;

/** Takes over the presses and keys content/button.js hands on; `core` is its inside (see there). */
export function attach(core) {
  const { api, text, root, button, addStyles, show, place, raise } = core;
  let panel = null; // the panel's popover, made at the first press
  let frame = null; // the panel's iframe, while open
  let warm = null; // the panel's iframe made at a press on the button, before the click opens it
  let loads = 0; // loads of that frame since it was (re)inserted
  let escapedAt = -Infinity; // when Escape last closed the panel: a second one within a second exits
  const controls = new Map(); // other controls in our shadow root (the nudge prompt's): element -> act
  const escapes = new Map(); // element -> what Escape on it does
  addStyles(PANEL_CSS);

  // Making the frame costs ~15 ms of main thread (invoke bench): done at the press, the click that
  // follows only shows it, and the panel box is painted within a frame of the click.
  function makeFrame(situation = null) {
    if (!panel) {
      panel = document.createElement("div");
      panel.className = "buoy-panel";
      panel.setAttribute("popover", "manual");
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-label", text("panelTitle", "Help"));
      root.append(panel);
      place(panel);
    }
    const made = document.createElement("iframe");
    made.title = text("panelTitle", "Help");
    made.setAttribute("allow", "clipboard-write");
    loads = 0;
    // The page can navigate a frame it didn't make; a second load means it tried: close.
    made.addEventListener("load", () => {
      if (++loads <= 1) return;
      if (made === warm) warm = null;
      closePanel(false);
      panel.replaceChildren();
    });
    const query = situation ? `&situation=${encodeURIComponent(situation)}` : "";
    made.src = api.runtime.getURL(`panel/panel.html?in=page${query}`);
    panel.replaceChildren(made); // the panel is hidden until shown: the frame loads unseen
    return made;
  }

  function openPanel(situation = null) {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    if (situation || !frame) {
      frame = !situation && warm?.isConnected ? warm : makeFrame(situation);
      warm = null;
    }
    for (const el of controls.keys()) el.closest("[popover]")?.hidePopover?.();
    show(panel);
    show(button);
    button.setAttribute("aria-expanded", "true");
    frame.focus();
  }

  function closePanel(refocus = true) {
    if (!frame) return;
    frame = null;
    panel.replaceChildren();
    if (panel.matches(":popover-open")) panel.hidePopover();
    button.setAttribute("aria-expanded", "false");
    if (refocus) button.focus();
  }
  const toggle = () => (frame ? closePanel() : openPanel());

  // A press content/button.js saw: `onButton` when at the button (it has already kept it from the
  // page). Presses on the nudge prompt's controls are kept from the page here.
  function press(e, onButton) {
    const control = onButton ? null
      : [...controls.keys()].find((c) => core.inside(core.rectOf(c.closest("[popover]")) && c.getBoundingClientRect(), e));
    if (control) {
      e.stopImmediatePropagation();
      if (e.type === "mousedown" || e.type === "click") e.preventDefault(); // the chat box keeps focus
      if (e.type === "click") controls.get(control)();
    } else if (onButton && e.type === "pointerdown" && !frame && !warm) {
      warm = makeFrame();
    } else if (onButton && e.type === "click") {
      toggle();
    } else if (!onButton && frame && e.type === "pointerdown" && !core.inside(core.rectOf(panel), e)) {
      closePanel(false);
    }
  }

  function key(e) {
    const focused = root.activeElement;
    const act = focused === button ? toggle : controls.get(focused);
    if (act && (e.key === "Enter" || e.key === " ")) {
      e.stopImmediatePropagation();
      e.preventDefault();
      if (e.type === "keydown" && !e.repeat) act();
    } else if (escapes.has(focused) && e.key === "Escape" && e.type === "keydown") {
      e.stopImmediatePropagation();
      escapes.get(focused)();
    } else if (frame && e.key === "Escape" && e.type === "keydown") {
      e.stopImmediatePropagation();
      closePanel();
      escapedAt = performance.now();
    } else if (!frame && e.key === "Escape" && e.type === "keydown" && performance.now() - escapedAt < 1000) {
      e.stopImmediatePropagation(); // quick exit (background/quick-exit.js): the page isn't told
      escapedAt = -Infinity;
      api.runtime.sendMessage({ type: "quickexit:go" }).catch(() => {});
    } else if (act) {
      e.stopImmediatePropagation(); // the page doesn't hear keys typed on our controls
    }
  }

  // For nudge/prompt.js: our shadow root, styles, placing above the button, and controls whose
  // presses and keys are read here.
  const layer = {
    root, addStyles, show, place, raise, isOpen: () => Boolean(frame), isShown: () => core.host.isConnected,
    addControl(el, act, onEscape) {
      controls.set(el, act);
      if (onEscape) escapes.set(el, onEscape);
    },
    focusButton: () => button.focus(),
  };

  return {
    press,
    key,
    openPanel,
    closePanel,
    escaped: () => { escapedAt = performance.now(); },
    isOpen: layer.isOpen,
    // The popovers above the button, and whether one must be shown again if the page hid it.
    layers: () => [panel, ...new Set([...controls.keys()].map((c) => c.closest("[popover]")))].filter(Boolean),
    kept: (el) => el === (frame && panel),
    remounted: () => { loads = 0; }, // re-inserting reloads the panel's frame: that load is ours, not a hijack
    // A nudge prompt beside the button (issue 11): its code loads on the first nudge only.
    nudge(options) {
      if (frame) return null;
      let hide = null;
      let cancelled = false;
      import("../nudge/prompt.js").then(({ showPrompt }) => {
        if (!cancelled) hide = showPrompt({ layer, openPanel }, options);
      }, () => {});
      return () => {
        cancelled = true;
        hide?.();
      };
    },
  };
}
