// The nudge engine as the background runs it (background/messages.js): the languages' rules,
// misspellings and learned stage (data/nudges.json, nudge-typos.json, nudge-model.json), compiled at
// the first question, not when the background starts (most starts are for the panel). It runs here,
// not in the chat page, so a busy chat's lines are judged off the page's main thread and the model's
// weights are held once, not once a tab. It answers cues only: the conversation they add up in is
// kept by the page's watcher (content/nudge-read.js), and nothing here remembers a line.
import nudges from "../data/nudges.js"; // built from nudges.json (build/package.py)
import typos from "../data/nudge-typos.js";
import model from "../data/nudge-model.js";
import { createCueFinder } from "./nudger.js";

// What one question may hold: the watcher asks once a slice with what it read in it (a few
// thousand characters; more only when one change brings a page's worth); anything else is refused
// rather than read.
const MAX_READINGS = 2;
const MAX_CHARS = 1_000_000; // counting one for each message

let cueOf = null;

/**
 * Each message's cue (nudger.js's createCueFinder), in order.
 * @param {unknown} messages each message's readings: an array of one or two strings
 * @param {unknown} pageLanguage the page's primary language subtag, or ""
 * @returns {({move: string, situation: string, strong: boolean, weight: number} | null)[]}
 */
export function cuesFor(messages, pageLanguage) {
  if (!Array.isArray(messages)) throw new TypeError("nudge: not a list of messages");
  let chars = messages.length;
  for (const readings of messages) {
    const fine = Array.isArray(readings) && readings.length >= 1 && readings.length <= MAX_READINGS &&
      readings.every((r) => typeof r === "string");
    if (!fine) throw new TypeError("nudge: a message is one or two strings");
    for (const r of readings) chars += r.length;
  }
  if (chars > MAX_CHARS) throw new TypeError("nudge: too much text at once");
  cueOf ??= createCueFinder({ nudges, typos, model });
  const language = typeof pageLanguage === "string" ? pageLanguage : "";
  return messages.map((readings) => cueOf(readings, language));
}
