// French and Spanish chat lines reach the same help screens as English ones through the shipped
// engine (issue 17), and the page's language is read first where two languages see different moves.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { cuesFor } from "../../dist/chromium/nudge/engine.js";
import { createMemory } from "../../dist/chromium/nudge/memory.js";
import { createNudger } from "../../dist/chromium/nudge/nudger.js";
import situations from "../../dist/chromium/data/situations.js";

const ids = new Set(situations.situations.map((s) => s.id));
// The English tuning part's lines as written (never a sealed part: a failure may print them).
const tuningLines = async () => (await readFile(new URL("../nudges/tune.jsonl", import.meta.url), "utf8"))
  .split("\n").filter(Boolean).map((l) => JSON.parse(l).text);
// As the watcher does: the background's cue for a line, heeded in the page's memory of its conversation.
const memory = createMemory();
const situationFor = (line, conversation, language) => memory.heed(conversation, cuesFor([[line]], language)[0], 0)?.situation ?? null;

test("a French line on a French page leads to its situation", () => {
  assert.equal(situationFor("slt, envoie une photo de toi stp", "fr 1", "fr"), "wants-pictures");
  assert.equal(situationFor("tkt, personne doit savoir qu'on se parle", "fr 2", "fr"), "scared");
  assert.equal(situationFor("t'as 1h pour payer sinon je publie", "fr 3", "fr"), "picture-shared");
});

test("a Spanish line on a Spanish page leads to its situation", () => {
  assert.equal(situationFor("pasame foto tuya xfa", "es 1", "es"), "wants-pictures");
  assert.equal(situationFor("q no se entere nadie", "es 2", "es"), "scared");
  assert.equal(situationFor("paga ya o lo publico", "es 3", "es"), "picture-shared");
});

test("a French line on an English page, or a page of no language, is still read", () => {
  assert.equal(situationFor("ajoute-moi sur snap", "en 1", "en"), "scared");
  assert.equal(situationFor("on se capte sur snap ce soir ?", "none 1", ""), "scared");
});

test("the page's language names the move where two languages see different ones", () => {
  // Two tiny rule sets that read the same word as different moves, as "cam" might be.
  const move = (id, situation, word) => ({ id, situation, sources: ["https://example.org/"], anchors: [word], patterns: [`\\b${word}\\b`] });
  const nudge = createNudger({
    nudges: { languages: {
      en: { moves: [move("pictures", "wants-pictures", "cam")] },
      fr: { moves: [move("private", "scared", "cam")] },
    } },
    typos: { languages: {} },
  });
  assert.equal(nudge("cam", "a", "fr")?.situation, "scared");
  assert.equal(nudge("cam", "b", "en")?.situation, "wants-pictures");
  assert.equal(nudge("cam", "c", "")?.situation, "wants-pictures"); // unknown: the data's order
  assert.equal(nudge("cam", "d", "de")?.situation, "wants-pictures"); // no rules of its own: the same
});

test("a line in another language's words is left to that language, unless it is the page's", () => {
  // Only the French rules know "snap"; "you" is English's word, "moi" and "sur" French's, "je" both's.
  const words = (list) => list.split(" ");
  const nudge = createNudger({
    nudges: { languages: {
      en: { markers: words("you the je"), moves: [] },
      fr: { markers: words("moi sur je"), moves: [{ id: "private", situation: "scared", sources: ["https://example.org/"], anchors: ["snap"], patterns: ["\\bsnap\\b"] }] },
    } },
    typos: { languages: {} },
  });
  assert.equal(nudge("add you on snap", "a", "en"), null); // English words, none of French's
  assert.equal(nudge("add you on snap", "b", "fr")?.situation, "scared"); // the page's language reads all
  assert.equal(nudge("ajoute moi sur snap", "c", "en")?.situation, "scared");
  assert.equal(nudge("snap", "d", "en")?.situation, "scared"); // no language's words: every language reads
  assert.equal(nudge("je snap", "e", "en")?.situation, "scared"); // a word both list counts for neither
});

test("ordinary French and Spanish chat stays quiet, and every answer is a known situation", () => {
  for (const [line, language] of [["tu viens au foot mercredi ?", "fr"], ["¿jugamos al Roblox después?", "es"]]) {
    assert.equal(situationFor(line, `quiet ${line}`, language), null);
  }
  assert.ok(ids.has(situationFor("t'es seule chez toi ?", "fr 5", "fr")));
});

test("the background answers each message's cue in order, and refuses what the watcher never sends", () => {
  const cues = cuesFor([["gg"], ["sam can u send a selfie", "can u send a selfie"], ["q no se entere nadie"]], "en");
  assert.deepEqual(cues.map((c) => c?.situation ?? null), [null, "wants-pictures", "scared"]);
  assert.equal(cues[1].strong, true);
  for (const bad of [null, "a line", [[]], [["a", "b", "c"]], [[1]], [["x".repeat(1_000_000)]], Array(1_000_001).fill(["x"])]) {
    assert.throws(() => cuesFor(bad, "en"), TypeError, JSON.stringify(bad)?.slice(0, 40));
  }
});

test("the background keeps no conversation: the same weak line asked again gets the same answer", async () => {
  const weak = (await tuningLines()).find((line) => {
    const cue = cuesFor([[line]], "en")[0];
    return cue && !cue.strong && cue.weight >= 0.5; // enough to add up to a nudge in a few lines
  });
  assert.ok(weak, "no weak line in the tuning part");
  const first = cuesFor([[weak]], "en")[0];
  for (let i = 0; i < 5; i++) assert.deepEqual(cuesFor([[weak], [weak]], "en"), [first, first]);
  // Adding up is the page's: its memory, not the background, turns repeated weak cues into a nudge.
  const page = createMemory();
  const nudged = Array.from({ length: 10 }, (_, i) => page.heed("one chat", first, i)).some(Boolean);
  assert.equal(nudged, true);
});

test("a chat app's own times and dates, read as lines of their own, never nudge in any language", () => {
  // A chat app can draw one in an element of its own, which the watcher reads as a message; the
  // Spanish model, with no words left once times are set aside, once answered with its bias: a threat.
  // An evening time's "PM" reads "dm" (chat spelling for a private message), and is a time still.
  const stamps = ["— Today at 10:02", "Today at 10:02", "10:02 AM", "Today at 9:14 PM", "9:14 PM", "03/12/2026 10:02",
    "Aujourd'hui à 10:02", "Hoy a las 10:02", "hier à 21:14"];
  for (const language of ["en", "fr", "es", ""]) {
    assert.deepEqual(cuesFor(stamps.map((s) => [s]), language), stamps.map(() => null), language);
  }
});

test("a time drawn inside a message is read the same in the evening as in the morning", async () => {
  // Apps that print the time in the message's own text: "PM" once read as "DM" added a weak private
  // cue to every evening message, and three in a row nudged.
  const lines = (await tuningLines()).filter((_, i) => i % 10 === 0);
  // Whether it nudges, and how much: the move named may differ (the rules still read "dm").
  const at = (suffix) => cuesFor(lines.map((line) => [`${line} ${suffix}`]), "en").map((c) => c && [c.strong, c.weight]);
  assert.deepEqual(at("9:14 PM"), at("9:14 AM"));
});
