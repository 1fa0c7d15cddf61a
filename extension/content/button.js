// Buoy's "Get help" button: on every listed page from the start of its load (the nudge watcher joins
// it only once the page is idle, and only while nudges are on), so it stays small and
// touches no extension API while the page loads (each first use costs the page ~0.3-0.5 ms: invoke
// bench). Its words and look arrive in tiny files registered before it (background/button-scripts.js);
// the background calls into it with scripting.executeScript instead of messages.
//
//   window (capture, added at document_start before any page script)
//     └─ presses at the button's place and keys on it are ours: the page never sees them
//   <buoy-help> (inline !important styles) ─ closed shadow root
//     ├─ <button popover>  top layer: above any z-index, immune to page CSS
//     └─ <div popover>     the panel: an extension-page <iframe>, made only when pressed
//
// If the page removes the host, it comes back at once; if it keeps removing it, the host moves into
// a closed shadow root on <body>, where the page's own DOM walks can't see it.
(() => {
  if (globalThis.buoyButton) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const text = (key, fallback) => globalThis.buoyText?.[key] ?? (api.i18n.getMessage(key) || fallback);
  const GAP = 16;
  const PRESS_EVENTS = ["pointerdown", "pointerup", "mousedown", "mouseup", "click", "dblclick",
    "auxclick", "contextmenu", "touchstart", "touchend"];
  let look = globalThis.buoyLook; // { corner, size in px }: content/look/*.js, registered before this
  let panel = null; // the panel's popover, made at the first press
  let frame = null; // the panel's iframe, while open
  let warm = null; // the panel's iframe made at a press on the button, before the click opens it
  let loads = 0; // loads of that frame since it was (re)inserted
  let wanted = false; // mounted once the page has a <body>; from then on it must stay
  let removals = [];
  let sanctuary = null;
  let escapedAt = -Infinity; // when Escape last closed the panel: a second one within a second exits
  const controls = new Map(); // other controls in our shadow root (the nudge prompt's): element -> act
  const escapes = new Map(); // element -> what Escape on it does

  const host = document.createElement("buoy-help");
  const HOST_STYLE = "all:initial!important;display:block!important;position:fixed!important;" +
    "width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;" +
    "visibility:visible!important;opacity:1!important;transform:none!important;contain:layout!important";
  host.setAttribute("style", HOST_STYLE);
  const root = host.attachShadow({ mode: "closed" });

  function addStyles(css) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      root.append(Object.assign(document.createElement("style"), { textContent: css }));
    }
  }
  addStyles(`
    :host { all: initial; }
    [popover] { position: fixed; inset: auto; margin: 0; box-sizing: border-box; overflow: hidden;
      visibility: visible; opacity: 1; transform: none; filter: none; }
    .buoy-button { display: flex; flex-direction: column; align-items: center; justify-content: center;
      width: calc(var(--size) * 1px); height: calc(var(--size) * 1px); padding: 0; border: 3px solid #fff;
      border-radius: 50%; background: #1d4ed8; color: #fff; cursor: pointer; box-shadow: 0 2px 10px rgb(0 0 0 / 0.35);
      font: 700 calc(var(--size) * 0.23px) / 1.05 system-ui, "Segoe UI", Roboto, sans-serif;
      letter-spacing: 0; text-align: center; text-transform: none; pointer-events: auto; }
    .buoy-button:hover { background: #1e40af; }
    .buoy-button:focus-visible { outline: 4px solid #facc15; outline-offset: 2px; }
    .buoy-panel { width: min(380px, calc(100vw - 16px)); height: min(600px, calc(100vh - var(--size) * 1px - 48px));
      padding: 0; border: 0; border-radius: 16px; background: #fff; box-shadow: 0 8px 30px rgb(0 0 0 / 0.4); }
    .buoy-panel iframe { display: block; width: 100%; height: 100%; border: 0; }
  `);

  const button = document.createElement("button");
  button.className = "buoy-button";
  button.setAttribute("popover", "manual");
  button.type = "button";
  const label = text("buttonLabel", "Get help");
  const [first, ...rest] = label.split(" ");
  button.append(first, document.createElement("br"), rest.join(" "));
  button.setAttribute("aria-label", label);
  button.setAttribute("aria-haspopup", "dialog");
  button.setAttribute("aria-expanded", "false");
  root.append(button);

  // Where the button and what opens above it go: the corner the parent chose, undoing a page's CSS
  // `zoom` (html { zoom: 0.5 }), which would otherwise shrink it below a finger's size.
  let unzoom = 1;
  function place(el, above = el !== button) {
    const { size } = look;
    const [vertical, horizontal] = look.corner.split("-");
    el.style.zoom = String(unzoom);
    el.style.setProperty("--size", String(size));
    for (const side of ["top", "bottom", "left", "right"]) el.style[side] = "auto";
    el.style[horizontal] = `${GAP}px`;
    el.style[vertical] = `${above ? GAP + size + 12 : GAP}px`;
  }
  // Reading the page's zoom forces its styles to be computed: ~1.8 ms if done while the page loads
  // (invoke bench), nearly nothing once it is idle. So it is read when idle, and at a press.
  function fitZoom() {
    const next = 1 / ((host.isConnected && host.currentCSSZoom) || 1);
    if (next === unzoom) return;
    unzoom = next;
    for (const el of layers()) place(el);
  }
  const layers = () => [button, panel, ...new Set([...controls.keys()].map((c) => c.closest("[popover]")))].filter(Boolean);

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
    for (const el of layers().reverse()) if (el === button || el.matches(":popover-open") || el === (frame && panel)) show(el);
  }

  function mount() {
    wanted = true;
    if (sanctuary && !sanctuary.host.isConnected) sanctuary = null; // the page replaced that <body>
    if (host.isConnected) return;
    loads = 0; // re-inserting reloads the panel's frame: that load is ours, not a hijack
    (sanctuary ?? document.documentElement ?? document).append(host);
    host.setAttribute("style", HOST_STYLE);
    raise();
    requestIdleCallback(fitZoom, { timeout: 1000 });
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
    return el?.matches(":popover-open") ? el.getBoundingClientRect() : null;
  }
  function inside(r, e) {
    const p = e.changedTouches?.[0] ?? e;
    return Boolean(r) && p.clientX >= r.left && p.clientX <= r.right && p.clientY >= r.top && p.clientY <= r.bottom;
  }

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

  // Presses on our controls are handled here, first, and never reach the page: it can't swallow
  // them, fake them, or learn that help was asked for. Also catches presses where the button is
  // drawn but inert (under a page's modal dialog or fullscreen).
  function onPress(e) {
    if (!e.isTrusted) return; // a page can dispatch clicks at the button's place: only the child's count
    if (wanted && !host.isConnected) mount(); // removed since the last frame: still where it was drawn
    if (e.type === "pointerdown") fitZoom();
    const control = [...controls.keys()].find((c) => inside(rectOf(c.closest("[popover]")) && c.getBoundingClientRect(), e));
    if (control || inside(rectOf(button), e)) {
      e.stopImmediatePropagation();
      if (e.type === "mousedown" || e.type === "click") e.preventDefault(); // the chat box keeps focus
      if (control && e.type === "click") controls.get(control)();
      else if (!control && e.type === "pointerdown" && !frame && !warm) warm = makeFrame();
      else if (!control && e.type === "click") toggle();
    } else if (frame && e.type === "pointerdown" && !inside(rectOf(panel), e)) {
      closePanel(false);
    }
  }

  function onKey(e) {
    if (!e.isTrusted) return;
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

  const listeners = [
    ...PRESS_EVENTS.map((type) => [type, onPress]),
    ["keydown", onKey], ["keyup", onKey], ["keypress", onKey],
    ["toggle", (e) => { if (e.target !== host && e.newState === "open") queueMicrotask(raise); }],
    ["fullscreenchange", () => queueMicrotask(raise)],
  ];
  for (const [type, fn] of listeners) window.addEventListener(type, fn, true);

  function teardown() {
    for (const [type, fn] of listeners) window.removeEventListener(type, fn, true);
    guard.disconnect();
    document.removeEventListener("readystatechange", rewatch);
    closePanel(false);
    host.remove();
    globalThis.buoyButton = null;
  }

  document.addEventListener("readystatechange", rewatch);
  place(button);
  rewatch();

  // Called by the background (scripting.executeScript, in this same isolated world) and by other
  // Buoy content scripts; nothing here is reachable from the page's world.
  globalThis.buoyButton = {
    teardown,
    closePanel,
    openPanel,
    escaped: () => { escapedAt = performance.now(); },
    setLook(next) {
      look = { ...look, ...next };
      for (const el of layers()) place(el);
    },
    // A nudge prompt beside the button (issue 11): its code loads on the first nudge only.
    // Returns a function that hides it, or null when it can't be shown (help open, no button).
    nudge(options) {
      if (frame || !host.isConnected || !options?.text) return null;
      let hide = null;
      let cancelled = false;
      import(api.runtime.getURL("nudge/prompt.js")).then(({ showPrompt }) => {
        if (!cancelled) hide = showPrompt(globalThis.buoyButton, options);
      }, () => {});
      return () => {
        cancelled = true;
        hide?.();
      };
    },
    // For nudge/prompt.js: our shadow root, styles, placing above the button, and controls whose
    // presses and keys are read by the capture handlers here.
    layer: {
      root, addStyles, show, place, raise, isOpen: () => Boolean(frame), isShown: () => host.isConnected,
      addControl(el, act, onEscape) {
        controls.set(el, act);
        if (onEscape) escapes.set(el, onEscape);
      },
      focusButton: () => button.focus(),
    },
  };
})();
