// The nudge watcher's reading (issue 11): imported by content/nudge-watch.js, in the same isolated
// world, when new text first appears on a page, so page loads don't pay for it.
//
//   the watcher's records ─ after BATCH_MS, an idle callback: the new nodes, capped; SLICE_MS and MAX_CHARS
//     at most ─ messages, each read as a person sees it (seen(): a space at element edges, emoji images
//     by their alt), as its whole line and its words alone
//     └─ the background judges them, off the page's main thread (nudge/engine.js): each one's cue
//          └─ the conversation's memory, kept here (nudge/memory.js) └─ buoyButton.nudge(): one per
//             conversation (origin + path) per QUIET_MS; a dismissal holds
import { createMemory } from "../nudge/memory.js";

const api = globalThis.browser ?? globalThis.chrome;
// The nudges' words, content/locale/<folder>-nudges.js, in the language of the button's words (which
// say their folder), imported with the reading rather than at every page load.
await import(`./locale/${globalThis.buoyLocale}-nudges.js`).catch(() => {});
const t = (key) => globalThis.buoyNudgeText?.[key] ?? api.i18n.getMessage(key);
const BATCH_MS = 1000; // a busy chat is read once a second, not once a message: fewer, warmer slices
const SLICE_MS = 8; // main-thread time per idle slice
const MAX_CHARS = 4000; // text read per slice
const MAX_PENDING = 500; // past this the oldest are dropped: a flood beyond the budget is skimmed
const LINE_CHARS = 600; // an element with more text is read child by child, so messages never join
const QUIET_MS = 5 * 60_000;
const ECHO_MS = 60_000; // the child's own sent line is remembered this long, only to skip its echo
const REPEAT_MS = 10_000; // a message's words read again this soon are the same message drawn twice
// Never what the child types, the app's own controls ("Show older messages" is a button, not a
// message), a time the app draws (Discord's "Today at 9:14 PM" is a <time> beside the name, which
// was read as a line of its own, and "PM" read as "DM"), Buoy's own host, or code.
const NOT_CHAT = "input, textarea, select, [contenteditable]:not([contenteditable='false']), " +
  "button, [role='button'], [role='menuitem'], [role='tab'], nav, [role='navigation'], time, " +
  "buoy-help, script, style, noscript, template";

// skipped() and lines() are the reading alone: tools/eval_nudges_page.py measures them over the sets
// in each chat-app fixture's markup.
export function skipped(node) {
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !el || Boolean(el.closest(NOT_CHAT));
}

// skipped() for a slice's nodes, asked of each parent once (a busy chat's new messages share one
// list), not of every node: lines() checks the node itself.
function skippedIn(parents, node) {
  const parent = node.parentNode;
  if (parent?.nodeType !== Node.ELEMENT_NODE) return skipped(node);
  if (!parents.has(parent)) parents.set(parent, skipped(parent));
  return parents.get(parent);
}

// A message as a person reads it (issue 15): its text and its emoji drawn as <img> (an alt with no
// letters; an avatar's or a badge's alt is a name, seen as a picture, and the learned stage would
// read it as words), a space wherever an element starts or ends. Chat apps draw the name, a badge,
// the time and the words in separate elements with the gaps in CSS, where textContent would glue
// "sam" onto "r u".
// Each message is read two ways: the whole line, and its longest piece (text of one element, with
// its emoji), which is the words alone where the app draws a name and a time in elements around
// them: the learned stage averages over a line, so a name beside the words dilutes them.
// One TreeWalker with no filter: the fewest calls from this world per node. Still dearer than
// textContent (every node gets a wrapper here): 7-17 µs a new message in Chromium, not under 1.
// null once the text passes LINE_CHARS: lines() then reads the element child by child.
const LETTER = /\p{L}/u;
const emoji = (alt) => Boolean(alt.trim()) && !LETTER.test(alt);
const squashed = (text) => text.replace(/\s+/g, " ").trim();

function seen(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let text = "";
  let parent = null; // of the last text node: a text node elsewhere is past an element's edge
  let owner = null; // the element whose text the current piece is; an emoji image doesn't end it
  let piece = "";
  let longest = "";
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const here = node.parentNode;
      text += here === parent ? node.data : ` ${node.data}`;
      if (here !== owner) piece = "";
      piece += node.data;
      parent = owner = here;
    } else {
      parent = null;
      if (node.localName !== "img" || !emoji(node.alt)) continue;
      text += ` ${node.alt} `;
      piece += ` ${node.alt} `;
    }
    if (piece.length > longest.length) longest = piece;
    if (text.length > LINE_CHARS) return null;
  }
  const line = squashed(text);
  const words = squashed(longest);
  return words && words !== line ? [line, words] : [line];
}

// The nodes of a record to read, in order. Text and images one record adds side by side are pieces
// of one text, read together from the first: Telegram Web writes a message into its chat list's
// preview as a fragment (text, an emoji <img>, text), and read piece by piece "selfie " or a lone
// "🤫" was a line of its own, and a cue. The pieces stay the page's: held weakly, until read.
const runs = new WeakMap(); // first piece -> the pieces, for runs of two or more
export function added(record) {
  if (record.type === "characterData") return [record.target];
  const nodes = record.addedNodes;
  if (nodes.length < 2) return nodes; // most records: one message, nothing to join
  const first = [];
  let run = null;
  for (let j = 0; j < nodes.length; j++) { // no iterator: cheaper from here
    const node = nodes[j];
    if (node.nodeType !== Node.TEXT_NODE && node.localName !== "img") run = null;
    else if (run) {
      if (run.length === 1) runs.set(run[0], run);
      run.push(node);
      continue;
    } else run = [node];
    first.push(node);
  }
  return first;
}

// Pushes each message in node onto out, as its readings: [line] or [line, longest piece].
// An element holding one of the app's controls (Discord draws the sender's name as a button, and a
// <time>) is read child by child, and the controls not at all. They are found with one selector
// query a message, not one match and one query at every level down to them.
export function lines(node, out) {
  const run = runs.get(node);
  if (run) {
    const line = squashed(run.map((n) => (n.nodeType === Node.TEXT_NODE ? n.data : emoji(n.alt) ? ` ${n.alt} ` : "")).join(""));
    if (line) out.push([line]);
  } else if (node.nodeType === Node.ELEMENT_NODE) {
    if (node.matches(NOT_CHAT)) return;
    const controls = new Set(node.querySelectorAll(NOT_CHAT));
    const holding = new Set(controls.size ? [node] : []);
    for (const control of controls) {
      for (let el = control.parentNode; el !== node && !holding.has(el); el = el.parentNode) holding.add(el);
    }
    read(node, out, controls, holding);
  } else if (node.nodeType === Node.TEXT_NODE) {
    read(node, out);
  }
}

function read(node, out, controls, holding) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (node.data.trim()) out.push([node.data]);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || controls.has(node)) return;
  if (node.localName === "img") {
    if (emoji(node.alt)) out.push([node.alt]);
    return;
  }
  // One walk: the same readings textContent, then a walk, gave, at one call less a message.
  const readings = !holding.has(node) && seen(node);
  if (!readings) {
    for (const child of node.childNodes) read(child, out, controls, holding);
    return;
  }
  if (readings[0]) out.push(readings); // blank when its only images are decorations or avatars, not emoji
}

// A message some apps draw twice: WhatsApp Web, Messenger and Telegram write each new message into
// the chat list's preview of its chat too ("Jo: what r u doing rn"), and a weak cue read twice adds
// up to a nudge on its own. repeated(readings, here, now) is true for words (the longest piece, bidi
// marks off) read in that conversation within REPEAT_MS. Memory only: older words go at the next
// read, and all with the page. Two people's identical "lol" within seconds count once too.
export function makeRepeats() {
  const recent = new Map(); // conversation + words -> when
  return (readings, here, now) => {
    const key = `${here}\n${readings.at(-1).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "").trim()}`;
    for (const [old, at] of recent) if (now - at < REPEAT_MS) break; else recent.delete(old); // oldest first
    const again = recent.has(key);
    recent.delete(key); // re-inserted last, so the Map stays oldest first
    recent.set(key, now);
    return again;
  };
}

// The watcher hands over: take() its unread records (unread() says if there are some), sent() the
// child's own recent lines (squashed) and forget() to keep only the recent ones.
export function makeReader({ take, unread, sent, forget, squash }) {
  const pending = new Map(); // node -> the conversation it arrived in
  const memory = createMemory(); // each conversation's weak cues, added up: memory only, gone with the page
  const repeated = makeRepeats();
  let scheduled = false;
  const lastNudge = new Map(); // conversation -> when: memory only, gone with the page
  const dismissed = new Set();
  let hide = null;

  const allowed = (here, now) => !dismissed.has(here) && now - (lastNudge.get(here) ?? -Infinity) >= QUIET_MS;

  // The page shows the child's own message once it is sent: that line is theirs, not someone else's.
  function ownEcho(line) {
    if (!sent().length) return false; // the usual case: nothing sent lately, nothing to squash
    const now = performance.now();
    forget(sent().filter((s) => now - s.at < ECHO_MS));
    const text = squash(line);
    return sent().some((s) => text.includes(s.text) && text.length <= s.text.length + 40);
  }

  function offer(situation, here) {
    const text = t(`nudge_${situation.replaceAll("-", "_")}`);
    hide = globalThis.buoyButton?.nudge?.({ situation, text, onDismiss: () => dismissed.add(here) }) ?? null;
    if (hide) lastNudge.set(here, performance.now());
  }

  // The new nodes and changed texts, each once, the oldest dropped past MAX_PENDING.
  function file() {
    const arrived = take();
    for (let i = 0; i < arrived.length; i += 2) {
      const here = arrived[i + 1];
      for (const r of arrived[i]) {
        const nodes = added(r);
        for (let j = 0; j < nodes.length; j++) pending.set(nodes[j], here); // no iterator: cheaper from here
      }
    }
    while (pending.size > MAX_PENDING) pending.delete(pending.keys().next().value); // oldest first
  }

  // Reads what arrived, within the slice's budget, then has the background judge it.
  async function onIdle(deadline) {
    file();
    const start = performance.now();
    // The page's language ("fr-CA" -> "fr"), whose rules read first (nudge/nudger.js); once a slice.
    const language = (document.documentElement?.lang ?? "").split("-")[0].toLowerCase();
    const batch = []; // [readings, conversation]: the child's own echoed lines are never sent
    let chars = 0;
    let read = 0;
    const parents = new Map(); // parent -> skipped, for this slice
    for (const [node, here] of pending) {
      if (chars >= MAX_CHARS) break;
      // The clock every few nodes, not every one: each web API call from here costs (see the observer).
      if (++read % 8 === 0 && (performance.now() - start >= SLICE_MS || (!deadline.didTimeout && deadline.timeRemaining() <= 0))) break;
      pending.delete(node);
      if (!allowed(here, start) || !node.isConnected || skippedIn(parents, node)) continue;
      const found = [];
      lines(node, found);
      for (const readings of found) {
        chars += readings[0].length;
        if (ownEcho(readings[0]) || repeated(readings, here, start)) continue;
        batch.push([readings.map((r) => r.slice(0, LINE_CHARS)), here]);
      }
    }
    try {
      if (batch.length) await judge(batch, language);
    } finally {
      scheduled = false; // only now: the next slice's lines are heeded after these, in order
      schedule();
    }
  }

  // Each message's cue from the background, heeded in order in its conversation's memory. A
  // message sent to Buoy's own background, in the browser; nothing goes further or is kept there.
  async function judge(batch, language) {
    const messages = batch.map(([readings]) => readings);
    const answer = await api.runtime.sendMessage({ type: "nudge:judge", messages, language })
      .catch(() => null); // Buoy was updated or turned off in the meantime: these lines go unjudged
    if (!answer?.ok) return;
    const now = performance.now();
    batch.forEach(([, here], i) => {
      if (!allowed(here, now)) return; // lines after a nudge in its conversation are passed over
      const nudge = memory.heed(here, answer.result[i], now);
      if (nudge) offer(nudge.situation, here);
    });
  }

  function schedule() {
    if (scheduled || !(pending.size || unread())) return;
    scheduled = true;
    setTimeout(() => requestIdleCallback(onIdle, { timeout: 1000 }), BATCH_MS);
  }

  return {
    schedule,
    quiet: (here) => dismissed.has(here),
    teardown() {
      pending.clear();
      hide?.();
    },
  };
}
