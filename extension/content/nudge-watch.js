// Gentle nudges (issue 11): watches for new text on a listed page, on the device, and asks the button
// (content/button.js, same isolated world) for a short prompt when a line makes a risky move.
// Registered beside the button only while settings.nudges is on (background/button-scripts.js).
// Nothing is stored or sent off the device: no text, no counts, no matches.
//
//   MutationObserver (added nodes, changed text) ─ its records, filed with the conversation they came in
//     └─ content/nudge-read.js, imported when new text first appears: reads them when idle, has
//          Buoy's background judge them (nudge/engine.js) └─ buoyButton.nudge()
// Only this part runs on every page load: a page where nothing new appears never loads the rest.
(() => {
  if (globalThis.buoyNudges) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const MAX_ARRIVED = 2000; // entries kept unread (a batch of records, its conversation): a flood keeps the newest
  let arrived = []; // [records, conversation, ...] as the observer handed them over, not yet read
  let reader = null; // nudge-read.js's reader once imported; a promise while it loads; false if it can't be
  let sent = []; // [{ text, at }]: the child's own lines, only to skip their echo

  // The page's address without query or fragment. document.URL: `location` is slow to reach from here.
  const conversation = () => document.URL.replace(/[?#].*$/s, "");
  // Where the browser has the Navigation API the address is read only when the page moves (pushState
  // included), not by the observer at every change (see there).
  let current = conversation();
  const moved = () => { current = conversation(); };
  globalThis.navigation?.addEventListener("currententrychange", moved);
  const conversationNow = globalThis.navigation ? () => current : conversation;
  const squash = (s) => s.replace(/\s+/g, " ").trim().toLowerCase();

  function load() {
    reader = import(api.runtime.getURL("content/nudge-read.js")).then(({ makeReader }) => {
      reader = makeReader({
        take: () => arrived.splice(0), unread: () => arrived.length > 0, sent: () => sent, forget: (t) => { sent = t; }, squash,
      });
      reader.schedule();
    }, () => {
      reader = false; // blocked (a page's CSP in some browser): stay quiet rather than retry forever
      arrived = [];
    });
  }

  // It runs at every change on the page, so it only files the records with the conversation they
  // arrived in, touching no DOM or web API: in Chromium the first such call in each callback cost a
  // busy chat about 35 µs a message (invoke bench), more than reading the lines later in one go.
  const observer = new MutationObserver((records) => {
    if (reader === false) return;
    const here = conversationNow();
    if (reader?.quiet?.(here)) return;
    if (arrived.length >= MAX_ARRIVED) arrived.splice(0, MAX_ARRIVED / 2);
    arrived.push(records, here);
    if (!reader) load();
    else reader.schedule?.();
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
    reader?.teardown?.();
    globalThis.buoyNudges = null;
  }

  observer.observe(document, { childList: true, subtree: true, characterData: true });
  window.addEventListener("keydown", onKey, true);
  // The background removes the watcher by calling teardown here (scripting.executeScript): no
  // message listener, which would cost every page load.
  globalThis.buoyNudges = { teardown };
})();
