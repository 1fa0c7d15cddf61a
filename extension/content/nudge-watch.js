// Gentle nudges (issue 11): reads only new text that appears on a listed page, on the device, and
// asks the button (content/button.js, same isolated world) for a short prompt when a line makes a
// risky move. Registered beside the button only while settings.nudges is on
// (background/button-scripts.js). Nothing is stored or sent: no text, no counts, no matches.
//
//   MutationObserver (added nodes, changed text) ─ its records, filed with the conversation they came in
//     └─ after BATCH_MS, an idle callback: the new nodes, capped; SLICE_MS and MAX_CHARS at most ─ lines,
//          each read as a person sees it (seen(): a space at element edges, emoji images by their alt)
//          ─ nudge/engine.js (imported on first text)
//          └─ buoyButton.nudge(): one per conversation (origin + path) per QUIET_MS; a dismissal holds
(() => {
  if (globalThis.buoyNudges) return;
  const api = globalThis.browser ?? globalThis.chrome;
  // Words from content/locale/<folder>-nudges.js, registered before this script.
  const t = (key) => globalThis.buoyNudgeText?.[key] ?? api.i18n.getMessage(key);
  const BATCH_MS = 1000; // a busy chat is read once a second, not once a message: fewer, warmer slices
  const SLICE_MS = 8; // main-thread time per idle slice
  const MAX_CHARS = 4000; // text read per slice
  const MAX_PENDING = 500; // past this the oldest are dropped: a flood beyond the budget is skimmed
  const LINE_CHARS = 600; // an element with more text is read child by child, so messages never join
  const QUIET_MS = 5 * 60_000;
  const ECHO_MS = 60_000; // the child's own sent line is remembered this long, only to skip its echo
  // Never what the child types, Buoy's own host, or code.
  const NOT_CHAT = "input, textarea, select, [contenteditable]:not([contenteditable='false']), " +
    "buoy-help, script, style, noscript, template";

  let arrived = []; // [records, conversation, ...] as the observer handed them over, not yet read
  const pending = new Map(); // node -> the conversation it arrived in
  let scheduled = false;
  let engine = null; // the module once imported; false if it couldn't be
  const lastNudge = new Map(); // conversation -> when: memory only, gone with the page
  const dismissed = new Set();
  let sent = []; // [{ text, at }]
  let hide = null;

  // The page's address without query or fragment. document.URL: `location` is slow to reach from here.
  const conversation = () => document.URL.replace(/[?#].*$/s, "");
  // Where the browser has the Navigation API the address is read only when the page moves (pushState
  // included), not by the observer at every change (see there).
  let current = conversation();
  const moved = () => { current = conversation(); };
  globalThis.navigation?.addEventListener("currententrychange", moved);
  const conversationNow = globalThis.navigation ? () => current : conversation;
  const squash = (s) => s.replace(/\s+/g, " ").trim().toLowerCase();

  function allowed(here, now) {
    return !dismissed.has(here) && now - (lastNudge.get(here) ?? -Infinity) >= QUIET_MS;
  }

  function skipped(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return !el || Boolean(el.closest(NOT_CHAT));
  }

  // A message as a person reads it (issue 15): its text and its emoji drawn as <img> (an alt with no
  // letters; an avatar's or a badge's alt is a name, seen as a picture, and the learned stage would
  // read it as words), a space wherever an element starts or ends. Chat apps draw the name, a badge,
  // the time and the words in separate elements with the gaps in CSS, where textContent would glue
  // "sam" onto "r u".
  // One TreeWalker with no filter: the fewest calls from this world per node. Still dearer than
  // textContent (every node gets a wrapper here): 7-17 µs a new message in Chromium, not under 1.
  const LETTER = /\p{L}/u;
  const emoji = (alt) => Boolean(alt.trim()) && !LETTER.test(alt);

  function seen(root) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let text = "";
    let parent = null; // of the last text node: a text node elsewhere is past an element's edge
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const here = node.parentNode;
        text += here === parent ? node.data : ` ${node.data}`;
        parent = here;
      } else {
        parent = null;
        if (node.localName === "img" && emoji(node.alt)) text += ` ${node.alt} `;
      }
    }
    return text.replace(/\s+/g, " ").trim();
  }

  function lines(node, out) {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.data.trim()) out.push(node.data);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE || node.matches(NOT_CHAT)) return;
    const text = node.textContent;
    if (!text.trim()) { // blank, unless it holds emoji drawn as images
      if (node.localName === "img") {
        if (emoji(node.alt)) out.push(node.alt);
        return;
      }
      if (!node.querySelector("img[alt]:not([alt=''])")) return;
    }
    if (text.length > LINE_CHARS || node.querySelector(NOT_CHAT)) {
      for (const child of node.childNodes) lines(child, out);
      return;
    }
    const line = seen(node);
    if (line) out.push(line); // blank when its only images are decorations or avatars, not emoji
  }

  // The page shows the child's own message once it is sent: that line is theirs, not someone else's.
  function ownEcho(line) {
    if (!sent.length) return false; // the usual case: nothing sent lately, nothing to squash
    const now = performance.now();
    sent = sent.filter((s) => now - s.at < ECHO_MS);
    const text = squash(line);
    return sent.some((s) => text.includes(s.text) && text.length <= s.text.length + 40);
  }

  function offer(situation, here) {
    const text = t(`nudge_${situation.replaceAll("-", "_")}`);
    hide = globalThis.buoyButton?.nudge?.({ situation, text, onDismiss: () => dismissed.add(here) }) ?? null;
    if (hide) lastNudge.set(here, performance.now());
  }

  // The new nodes and changed texts, each once, the oldest dropped past MAX_PENDING.
  function take() {
    for (let i = 0; i < arrived.length; i += 2) {
      const here = arrived[i + 1];
      for (const r of arrived[i]) {
        if (r.type === "characterData") pending.set(r.target, here);
        else for (const node of r.addedNodes) pending.set(node, here);
      }
    }
    arrived = [];
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value); // oldest first
  }

  function onIdle(deadline) {
    scheduled = false;
    take();
    if (!engine) return load();
    if (engine.then) return; // still loading: it schedules when ready
    const start = performance.now();
    // The page's language ("fr-CA" -> "fr"), whose rules read first (nudge/nudger.js); once a slice.
    const language = (document.documentElement?.lang ?? "").split("-")[0].toLowerCase();
    let chars = 0;
    let read = 0;
    for (const [node, here] of pending) {
      if (chars >= MAX_CHARS) break;
      // The clock every few nodes, not every one: each web API call from here costs (see the observer).
      if (++read % 8 === 0 && (performance.now() - start >= SLICE_MS || (!deadline.didTimeout && deadline.timeRemaining() <= 0))) break;
      pending.delete(node);
      if (!allowed(here, start) || !node.isConnected || skipped(node)) continue;
      const found = [];
      lines(node, found);
      for (const line of found) {
        chars += line.length;
        const situation = ownEcho(line) ? null : engine.situationFor(line.slice(0, LINE_CHARS), here, language);
        if (situation) {
          offer(situation, here); // lines after it in this conversation are now passed over
          return schedule();
        }
      }
    }
    schedule();
  }

  function schedule() {
    if (scheduled || !(pending.size || arrived.length)) return;
    scheduled = true;
    setTimeout(() => requestIdleCallback(onIdle, { timeout: 1000 }), BATCH_MS);
  }

  function load() {
    engine = import(api.runtime.getURL("nudge/engine.js")).then((module) => {
      engine = module;
      schedule();
    }, () => {
      engine = false; // blocked (a page's CSP in some browser): stay quiet rather than retry forever
      arrived = [];
      pending.clear();
    });
  }

  // It runs at every change on the page, so it only files the records with the conversation they
  // arrived in, touching no DOM or web API: in Chromium the first such call in each callback cost a
  // busy chat about 35 µs a message (invoke bench), more than reading the lines later in one go.
  const observer = new MutationObserver((records) => {
    if (engine === false) return;
    const here = conversationNow();
    if (dismissed.has(here)) return;
    if (arrived.length >= 4 * MAX_PENDING) arrived.splice(0, 2 * MAX_PENDING); // a flood: keep the newest
    arrived.push(records, here);
    schedule();
  });

  function onKey(e) {
    if (!e.isTrusted || e.key !== "Enter" || e.shiftKey) return;
    const box = e.composedPath()[0];
    const text = squash(String(box?.value ?? (box?.isContentEditable ? box.innerText : "")));
    if (text.length >= 4) sent = [...sent.slice(-4), { text, at: performance.now() }];
  }

  function teardown() {
    observer.disconnect();
    window.removeEventListener("keydown", onKey, true);
    globalThis.navigation?.removeEventListener("currententrychange", moved);
    arrived = [];
    pending.clear();
    hide?.();
    globalThis.buoyNudges = null;
  }

  observer.observe(document, { childList: true, subtree: true, characterData: true });
  window.addEventListener("keydown", onKey, true);
  // The background removes the watcher by calling teardown here (scripting.executeScript): no
  // message listener, which would cost every page load.
  globalThis.buoyNudges = { teardown };
})();
