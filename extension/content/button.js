// Buoy's "Get help" button: on every listed page from the start of its load (the nudge watcher joins
// it only once the page is idle, and only while nudges are on), so it stays small and
// touches no extension API while the page loads (each first use costs the page ~0.3-0.5 ms: invoke
// bench). Its words and look arrive in tiny files registered before it (background/button-scripts.js);
// the background calls into it with scripting.executeScript instead of messages. What only a press
// needs (the panel, Escape, quick exit, the nudge prompt) is content/button-press.js, imported at
// the first press on the button or its first focus.
//
//   window (capture, added at document_start before any page script)
//     └─ presses at the button's place and keys on it are ours: the page never sees them
//   <buoy-help> (inline !important styles) ─ closed shadow root
//     └─ <button popover>  top layer: above any z-index, immune to page CSS
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
  let wanted = false; // mounted once the page has a <body>; from then on it must stay
  let removals = [];
  let sanctuary = null;
  let more = null; // content/button-press.js's handlers, once imported
  let loading = null; // that import, while it loads

  const host = document.createElement("buoy-help");
  const HOST_STYLE = "all:initial!important;display:block!important;position:fixed!important;" +
    "width:0!important;height:0!important;margin:0!important;padding:0!important;border:0!important;" +
    "visibility:visible!important;opacity:1!important;transform:none!important;contain:layout!important";
  host.setAttribute("style", HOST_STYLE);
  const root = host.attachShadow({ mode: "closed" });

  function addStyles(css) {
    root.append(Object.assign(document.createElement("style"), { textContent: css }));
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
  let lift = 0; // px along the page's edge, away from the corner, to keep the page's controls clear
  function place(el, above = el !== button) {
    const { size } = look;
    const [vertical, horizontal] = look.corner.split("-");
    // One write, not one per property: each is a call into the page's style (invoke bench).
    // The button is lifted by a translate, which moves what is drawn without a layout shift (the
    // page's CLS); what opens above it (the panel, the nudge prompt) is placed afresh each time.
    el.style.cssText = `zoom:${unzoom};--size:${size};--lift:${lift};inset:auto;${horizontal}:${GAP}px;` +
      (above ? `${vertical}:${GAP + size + 12 + lift}px` : `${vertical}:${GAP}px;translate:0 ${vertical === "top" ? lift : -lift}px`);
  }
  // Reading the page's zoom forces its styles to be computed: ~1.8 ms if done while the page loads
  // (invoke bench), nearly nothing once it is idle. So it is read when idle, and at a press.
  function fitZoom() {
    const next = 1 / ((host.isConnected && host.currentCSSZoom) || 1);
    if (next === unzoom) return;
    unzoom = next;
    for (const el of layers()) place(el);
  }
  const layers = () => [button, ...(more?.layers() ?? [])];

  // Nearly every chat app has its own controls in the corners (Send, emoji, call buttons), and a
  // child must still reach them. So the button moves along the edge, away from its corner, past any
  // control it would cover; if none of the edge's first 40 % is clear, it stays in the corner.
  const CONTROL = "a[href], button, input, select, textarea, label, summary, [role=button], [role=link], " +
    "[role=textbox], [contenteditable]:not([contenteditable='false'])";
  // The page's topmost element at the button's middle and near its corners, ours left out.
  function controlUnder(left, top, side) {
    for (const [x, y] of [[0.5, 0.5], [0.15, 0.15], [0.85, 0.15], [0.15, 0.85], [0.85, 0.85]]) {
      const el = document.elementsFromPoint(left + x * side, top + y * side)
        .find((e) => e !== host && e !== document.documentElement && e !== document.body);
      const control = el?.closest(CONTROL);
      if (control) return control;
    }
    return null;
  }
  let pressedAt = -Infinity; // a press on the button must find it where it began
  function keepClear() {
    if (!host.isConnected || more?.isOpen() || !button.matches(":popover-open") || performance.now() - pressedAt < 1000 ||
      root.activeElement) return; // never from under the keyboard's focus
    const r = button.getBoundingClientRect();
    const scale = r.height / look.size; // screen px per style px (zoom)
    const down = look.corner.startsWith("top");
    const home = r.top + (down ? -lift : lift) * scale; // the button's top in its corner
    let away = 0;
    for (let tries = 0; tries < 6; tries++) {
      const control = controlUnder(r.left, down ? home + away : home - away, r.height);
      if (!control) break;
      const c = control.getBoundingClientRect();
      away = down ? c.bottom - home + 8 : home + r.height - c.top + 8;
      if (away > 0.4 * innerHeight || tries === 5) {
        away = 0; // no clear place within reach: the corner
        break;
      }
    }
    const next = Math.round(away / scale);
    if (next === lift) return;
    lift = next;
    for (const el of layers()) place(el);
  }
  // It reads the page's layout, so it looks from a ResizeObserver's first report, which comes in the
  // page's next frame just after its layout: a layout already done, where an idle moment in a busy
  // chat often found one to force again (invoke bench, The Lounge in a flood). It looks when the
  // page has loaded and a few times in the seconds after (chat apps draw their composer late), and
  // again, now and a second later, when the window resizes, a text box gets focus or the child
  // presses on the page (another screen, another chat).
  let settling = false;
  function settle() {
    if (settling) return;
    settling = true;
    const after = new ResizeObserver(() => {
      after.disconnect();
      settling = false;
      keepClear();
    });
    after.observe(button);
  }
  const settleSoon = (...later) => {
    settle();
    for (const ms of [1000, ...later]) setTimeout(settle, ms);
  };

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
    for (const el of layers().reverse()) if (el === button || el.matches(":popover-open") || more?.kept(el)) show(el);
  }

  function mount() {
    wanted = true;
    if (sanctuary && !sanctuary.host.isConnected) sanctuary = null; // the page replaced that <body>
    if (host.isConnected) return;
    more?.remounted();
    (sanctuary ?? document.documentElement ?? document).append(host);
    host.setAttribute("style", HOST_STYLE);
    raise();
    requestIdleCallback(fitZoom, { timeout: 1000 });
    // One look, no timers: a page fighting the host re-mounts it as often as once a frame.
    if (document.readyState === "complete") settle();
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
    if (document.readyState === "complete") settleSoon(4000, 10000);
  };

  function rectOf(el) {
    return el?.matches(":popover-open") ? el.getBoundingClientRect() : null;
  }
  function inside(r, e) {
    const p = e.changedTouches?.[0] ?? e;
    return Boolean(r) && p.clientX >= r.left && p.clientX <= r.right && p.clientY >= r.top && p.clientY <= r.bottom;
  }

  // Runs fn with the press module: now if it is loaded, else once it is, in the order asked (a
  // press made while it loads is kept). If it could not load, the next press tries again.
  const core = { api, text, root, host, button, addStyles, show, place, raise, rectOf, inside };
  function withMore(fn) {
    if (more) return fn(more);
    loading ??= import(api.runtime.getURL("content/button-press.js"))
      .then(({ attach }) => { more = attach(core); }, () => { loading = null; });
    return loading.then(() => more && fn(more));
  }

  // Presses on our controls are handled here, first, and never reach the page: it can't swallow
  // them, fake them, or learn that help was asked for. Also catches presses where the button is
  // drawn but inert (under a page's modal dialog or fullscreen).
  function onPress(e) {
    if (!e.isTrusted) return; // a page can dispatch clicks at the button's place: only the child's count
    if (wanted && !host.isConnected) mount(); // removed since the last frame: still where it was drawn
    if (e.type === "pointerdown") fitZoom();
    const onButton = inside(rectOf(button), e);
    if (onButton && e.type === "pointerdown") pressedAt = performance.now();
    if (onButton) {
      e.stopImmediatePropagation();
      if (e.type === "mousedown" || e.type === "click") e.preventDefault(); // the chat box keeps focus
    }
    if (onButton || more) withMore((m) => m.press(e, onButton));
    if (!onButton && e.type === "pointerup") settleSoon();
  }

  function onKey(e) {
    if (!e.isTrusted) return;
    if (more) return more.key(e);
    if (root.activeElement !== button) return;
    e.stopImmediatePropagation(); // the page doesn't hear keys typed on the button
    if (e.key !== "Enter" && e.key !== " ") return;
    e.preventDefault();
    if (e.type === "keydown" && !e.repeat) withMore((m) => m.openPanel());
  }

  const listeners = [
    ...PRESS_EVENTS.map((type) => [type, onPress]),
    ["keydown", onKey], ["keyup", onKey], ["keypress", onKey],
    ["toggle", (e) => { if (e.target !== host && e.newState === "open") queueMicrotask(raise); }],
    ["fullscreenchange", () => queueMicrotask(raise)],
    ["resize", () => settleSoon()], ["focusin", () => settleSoon()],
  ];
  for (const [type, fn] of listeners) window.addEventListener(type, fn, true);

  function teardown() {
    for (const [type, fn] of listeners) window.removeEventListener(type, fn, true);
    guard.disconnect();
    document.removeEventListener("readystatechange", rewatch);
    more?.closePanel(false);
    host.remove();
    globalThis.buoyButton = null;
  }

  document.addEventListener("readystatechange", rewatch);
  place(button);
  button.addEventListener("focus", () => withMore(() => {}), { once: true }); // Tab reached it: Enter comes next
  rewatch();

  // Called by the background (scripting.executeScript, in this same isolated world) and by other
  // Buoy content scripts; nothing here is reachable from the page's world.
  globalThis.buoyButton = {
    teardown,
    closePanel: () => more?.closePanel(), // nothing is open before the press module loads
    escaped: () => more?.escaped(), // Escape pressed in the open panel
    setLook(next) {
      look = { ...look, ...next };
      for (const el of layers()) place(el);
      settleSoon();
    },
    // A nudge prompt beside the button (issue 11), its code loaded on the first nudge. Returns a
    // function that hides it, or null when it can't be shown (help open, no button).
    nudge(options) {
      if (more?.isOpen() || !host.isConnected || !options?.text) return null;
      let hide = null;
      withMore((m) => { hide ??= m.nudge(options); });
      return () => {
        hide?.();
        hide = () => {};
      };
    },
  };
})();
