// Buoy's "Get help" button: the only code that runs on every listed page, so it stays small.
//
//   window (capture, added at document_start before any page script)
//     └─ presses at the button's place and keys on it are ours: the page never sees them
//   <buoy-help> (inline !important styles) ─ closed shadow root
//     ├─ <button popover>  top layer: above any z-index, immune to page CSS
//     └─ <div popover>     the panel: an extension-page <iframe>, made only when opened
//
// If the page removes the host, it comes back at once; if it keeps removing it, the host moves into
// a closed shadow root on <body>, where the page's own DOM walks can't see it.
(() => {
  if (globalThis.buoyButton) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const SIZES = { normal: 56, large: 80 };
  const GAP = 16;
  const PRESS_EVENTS = ["pointerdown", "pointerup", "mousedown", "mouseup", "click", "dblclick",
    "auxclick", "contextmenu", "touchstart", "touchend"];
  let look = { corner: "bottom-right", size: "normal" };
  let frame = null; // the panel's iframe, while open
  let warm = null; // the panel's iframe made at a press on the button, before the click opens it
  let loads = 0; // loads of that frame since it was (re)inserted
  let wanted = false; // mounted once the page has a <body>; from then on it must stay
  let removals = [];
  let sanctuary = null;
  let escapedAt = -Infinity; // when Escape last closed the panel: a second one within a second exits

  const host = document.createElement("buoy-help");
  const HOST_STYLE = "all:initial!important;display:block!important;position:fixed!important;" +
    "width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;" +
    "visibility:visible!important;opacity:1!important;transform:none!important;contain:layout!important";
  host.setAttribute("style", HOST_STYLE);
  const root = host.attachShadow({ mode: "closed" });

  const CSS = `
    :host { all: initial; }
    .buoy-button, .buoy-panel { position: fixed; inset: auto; margin: 0; box-sizing: border-box;
      overflow: hidden; visibility: visible; opacity: 1; transform: none; filter: none; }
    .buoy-button { display: flex; flex-direction: column; align-items: center; justify-content: center;
      width: calc(var(--size) * 1px); height: calc(var(--size) * 1px); padding: 0; border: 3px solid #fff; border-radius: 50%;
      background: #1d4ed8; color: #fff; cursor: pointer; box-shadow: 0 2px 10px rgb(0 0 0 / 0.35);
      font: 700 calc(var(--size) * 0.23px) / 1.05 system-ui, "Segoe UI", Roboto, sans-serif;
      letter-spacing: 0; text-align: center; text-transform: none; pointer-events: auto; }
    .buoy-button:hover { background: #1e40af; }
    .buoy-button:focus-visible { outline: 4px solid #facc15; outline-offset: 2px; }
    .buoy-panel { width: min(380px, calc(100vw - 16px)); height: min(600px, calc(100vh - var(--size) * 1px - 48px));
      padding: 0; border: 0; border-radius: 16px; background: #fff; box-shadow: 0 8px 30px rgb(0 0 0 / 0.4); }
    .buoy-panel iframe { display: block; width: 100%; height: 100%; border: 0; }
    .buoy-nudge { position: fixed; inset: auto; margin: 0; box-sizing: border-box; width: min(300px, calc(100vw - 32px));
      padding: 12px; border: 0; border-radius: 16px; background: #fef3c7; color: #1f2937;
      box-shadow: 0 4px 18px rgb(0 0 0 / 0.3); font: 400 16px / 1.35 system-ui, "Segoe UI", Roboto, sans-serif;
      visibility: visible; opacity: 1; transform: none; filter: none; text-align: start; }
    .buoy-nudge p { margin: 0 0 12px; font: inherit; color: inherit; }
    .buoy-nudge div { display: flex; gap: 8px; }
    .buoy-nudge button { flex: 1; min-height: 44px; margin: 0; padding: 4px 8px; border: 2px solid #1d4ed8; border-radius: 10px;
      font: 700 16px / 1.2 system-ui, "Segoe UI", Roboto, sans-serif; cursor: pointer; background: #fff; color: #1d4ed8; }
    .buoy-nudge button.go { background: #1d4ed8; color: #fff; }
    .buoy-nudge button:focus-visible { outline: 4px solid #1f2937; outline-offset: 2px; }
  `;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(Object.assign(document.createElement("style"), { textContent: CSS }));
  }

  const button = document.createElement("button");
  button.className = "buoy-button";
  button.setAttribute("popover", "manual");
  button.type = "button";
  const label = api.i18n.getMessage("buttonLabel") || "Get help";
  const [first, ...rest] = label.split(" ");
  button.append(first, document.createElement("br"), rest.join(" "));
  button.setAttribute("aria-label", label);
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");

  const panel = document.createElement("div");
  panel.className = "buoy-panel";
  panel.setAttribute("popover", "manual");
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", api.i18n.getMessage("panelTitle") || "Help");
  root.append(button, panel);

  function place() {
    const size = SIZES[look.size] ?? SIZES.normal;
    const [vertical, horizontal] = look.corner.split("-");
    // A page's CSS `zoom` (html { zoom: 0.5 }) compounds into our elements: undo it, or the button
    // shrinks below a finger's size. Browser zoom is not CSS zoom and is left alone.
    const zoom = 1 / ((host.isConnected && host.currentCSSZoom) || 1);
    button.style.setProperty("--size", String(size));
    panel.style.setProperty("--size", String(size));
    for (const el of [button, panel, bubble].filter(Boolean)) {
      el.style.zoom = String(zoom);
      for (const side of ["top", "bottom", "left", "right"]) el.style[side] = "auto";
      el.style[horizontal] = `${GAP}px`;
    }
    button.style[vertical] = `${GAP}px`;
    panel.style[vertical] = `${GAP + size + 12}px`;
    if (bubble) bubble.style[vertical] = panel.style[vertical];
  }

  function show(el) {
    try {
      if (el.matches(":popover-open")) el.hidePopover();
      el.showPopover();
    } catch {
      // not connected yet: mount() shows it again
    }
  }

  // Something else entered the top layer (a modal, a popover, fullscreen): go back above it.
  function raise() {
    if (!host.isConnected) return;
    place();
    if (frame) show(panel);
    if (bubble?.matches(":popover-open")) show(bubble);
    show(button);
  }

  function mount() {
    wanted = true;
    if (sanctuary && !sanctuary.host.isConnected) sanctuary = null; // the page replaced that <body>
    if (host.isConnected) return;
    loads = 0; // re-inserting reloads the panel's frame: that load is ours, not a hijack
    (sanctuary ?? document.documentElement ?? document).append(host);
    host.setAttribute("style", HOST_STYLE);
    raise();
  }

  // A body shadow root with a <slot> renders the page exactly as before, but hides our host from
  // the page's tree walks and MutationObservers. Used only against pages that keep removing it.
  function takeSanctuary() {
    try {
      const shadow = document.body.attachShadow({ mode: "closed" });
      shadow.append(document.createElement("slot"));
      sanctuary = shadow;
    } catch {
      sanctuary = null; // the body already has a shadow root: keep coming back instead
    }
  }

  function onMutation() {
    if (!wanted) return;
    if (host.isConnected) {
      if (host.getAttribute("style") !== HOST_STYLE) host.setAttribute("style", HOST_STYLE);
      return;
    }
    const now = performance.now();
    removals = [...removals.filter((t) => now - t < 2000), now];
    if (removals.length >= 3 && !sanctuary && document.body) takeSanctuary();
    if (removals.length > 6) requestAnimationFrame(mount); // a fight: at most once a frame
    else mount();
  }
  const guard = new MutationObserver(onMutation);
  function watch() {
    guard.disconnect();
    guard.observe(document, { childList: true });
    if (document.documentElement) guard.observe(document.documentElement, { childList: true });
    if (document.body) guard.observe(document.body, { childList: true });
    guard.observe(host, { attributes: true, attributeFilter: ["style", "hidden", "popover", "inert"] });
  }
  const rewatch = () => {
    watch();
    if (document.body) mount();
  };

  function rectOf(el) {
    return el.matches(":popover-open") ? el.getBoundingClientRect() : null;
  }
  function inside(r, e) {
    const p = e.changedTouches?.[0] ?? e;
    return Boolean(r) && p.clientX >= r.left && p.clientX <= r.right && p.clientY >= r.top && p.clientY <= r.bottom;
  }

  // Making the frame costs ~15 ms of main thread (invoke bench): done at the press, the click that
  // follows only shows it, and the panel box is painted within a frame of the click.
  function makeFrame(situation = null) {
    const made = document.createElement("iframe");
    made.title = api.i18n.getMessage("panelTitle") || "Help";
    made.setAttribute("allow", "clipboard-write");
    loads = 0;
    // The page can navigate a frame it didn't make; a second load means it tried: close.
    made.addEventListener("load", () => {
      if (++loads <= 1) return;
      if (made === warm) warm = null;
      closePanel(false);
      panel.replaceChildren();
    });
    made.src = api.runtime.getURL(`panel/panel.html?in=page${situation ? `&situation=${encodeURIComponent(situation)}` : ""}`);
    panel.replaceChildren(made); // the panel is hidden until shown: the frame loads unseen
    return made;
  }

  function openPanel() {
    hideNudge();
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    if (!frame) {
      frame = warm?.isConnected ? warm : makeFrame();
      warm = null;
    }
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

  // ── Nudge (issue 11): content/nudge-watch.js asks for a short prompt beside the button, with one
  // tap to that situation's help and one to dismiss. Made only when first asked; it never takes
  // focus (the child may be typing) and is announced politely. Presses and keys on it are ours.
  let bubble = null;
  let bubbleText = null;
  let nudged = null; // { situation, onDismiss } while shown
  const nudgeActions = [];

  function makeBubble() {
    bubble = document.createElement("div");
    bubble.className = "buoy-nudge";
    bubble.setAttribute("popover", "manual");
    bubble.setAttribute("role", "status");
    bubble.setAttribute("aria-live", "polite");
    bubbleText = document.createElement("p");
    const row = document.createElement("div");
    const actions = [[api.i18n.getMessage("nudgeHelp"), "go", nudgeHelp], [api.i18n.getMessage("nudgeDismiss"), "later", nudgeDismiss]];
    for (const [words, cls, act] of actions) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.textContent = words;
      nudgeActions.push([b, act]);
      row.append(b);
    }
    bubble.append(bubbleText, row);
    root.append(bubble);
    place();
  }

  function nudge({ situation, text, onDismiss = () => {} }) {
    if (frame || nudged || !host.isConnected || !text) return null; // help open, a nudge showing, or no button
    if (!bubble) makeBubble();
    nudged = { situation, onDismiss };
    bubbleText.textContent = "";
    show(bubble);
    show(button);
    requestAnimationFrame(() => { bubbleText.textContent = text; }); // after showing, so it is announced
    return hideNudge;
  }

  function hideNudge() {
    nudged = null;
    if (bubble?.matches(":popover-open")) bubble.hidePopover();
  }
  function nudgeHelp() {
    const { situation } = nudged ?? {};
    hideNudge();
    if (frame) closePanel(false);
    warm = null;
    frame = makeFrame(situation);
    openPanel();
  }
  function nudgeDismiss() {
    const { onDismiss } = nudged ?? {};
    hideNudge();
    onDismiss?.();
  }

  function onNudgePress(e) {
    if (!nudged || !inside(rectOf(bubble), e)) return false;
    e.stopImmediatePropagation();
    if (e.type === "mousedown" || e.type === "click") e.preventDefault(); // the chat box keeps focus
    if (e.type === "click") nudgeActions.find(([b]) => inside(b.getBoundingClientRect(), e))?.[1]();
    return true;
  }

  function onNudgeKey(e) {
    const act = nudgeActions.find(([b]) => b === root.activeElement)?.[1];
    if (!nudged || !act) return false;
    e.stopImmediatePropagation();
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (e.type === "keydown" && !e.repeat) act();
    } else if (e.key === "Escape" && e.type === "keydown") {
      nudgeDismiss();
      button.focus();
    }
    return true;
  }
  // ── end of nudge

  // Presses on the button are handled here, first, and never reach the page: it can't swallow
  // them, fake them, or learn that help was asked for. Also catches presses where the button is
  // drawn but inert (under a page's modal dialog or fullscreen).
  function onPress(e) {
    if (!e.isTrusted) return; // a page can dispatch clicks at the button's place: only the child's count
    if (wanted && !host.isConnected) mount(); // removed since the last frame: still where it was drawn
    if (onNudgePress(e)) return;
    if (inside(rectOf(button), e)) {
      e.stopImmediatePropagation();
      if (e.type === "mousedown" || e.type === "click") e.preventDefault();
      if (e.type === "pointerdown" && !frame && !warm) warm = makeFrame();
      if (e.type === "click") toggle();
    } else if (frame && e.type === "pointerdown" && !inside(rectOf(panel), e)) {
      closePanel(false);
    }
  }

  function onKey(e) {
    if (!e.isTrusted || onNudgeKey(e)) return;
    const ours = root.activeElement === button;
    if (ours && (e.key === "Enter" || e.key === " ")) {
      e.stopImmediatePropagation();
      e.preventDefault();
      if (e.type === "keydown" && !e.repeat) toggle();
    } else if (frame && e.key === "Escape" && e.type === "keydown") {
      e.stopImmediatePropagation();
      closePanel();
      escapedAt = performance.now();
    } else if (!frame && e.key === "Escape" && e.type === "keydown" && e.isTrusted &&
      performance.now() - escapedAt < 1000) {
      e.stopImmediatePropagation(); // quick exit (background/quick-exit.js): the page isn't told
      escapedAt = -Infinity;
      api.runtime.sendMessage({ type: "quickexit:go" }).catch(() => {});
    } else if (ours) {
      e.stopImmediatePropagation(); // the page doesn't hear keys typed on our button
    }
  }

  function onMessage(message) {
    if (message?.type === "panel:close") closePanel();
    if (message?.type === "panel:escape") escapedAt = performance.now();
    if (message?.type === "button:remove") teardown();
  }

  function onStorage(changes, area) {
    if (area === "local" && changes.appearance?.newValue) {
      look = { ...look, ...changes.appearance.newValue };
      place();
    }
  }

  const listeners = [
    ...PRESS_EVENTS.map((type) => [type, onPress]),
    ["keydown", onKey], ["keyup", onKey], ["keypress", onKey],
    ["toggle", (e) => { if (e.target !== host && e.newState === "open") queueMicrotask(raise); }],
    ["fullscreenchange", () => queueMicrotask(raise)],
  ];
  for (const [type, fn] of listeners) window.addEventListener(type, fn, true);
  api.runtime.onMessage.addListener(onMessage);
  api.storage.onChanged.addListener(onStorage);

  function teardown() {
    for (const [type, fn] of listeners) window.removeEventListener(type, fn, true);
    api.runtime.onMessage.removeListener(onMessage);
    api.storage.onChanged.removeListener(onStorage);
    guard.disconnect();
    document.removeEventListener("readystatechange", rewatch);
    closePanel(false);
    host.remove();
    globalThis.buoyButton = null;
  }

  place();
  document.addEventListener("readystatechange", rewatch);
  rewatch();
  api.storage.local.get("appearance").then(({ appearance }) => {
    if (appearance) onStorage({ appearance: { newValue: appearance } }, "local");
  }, () => {});
  globalThis.buoyButton = { teardown, nudge };
})();
