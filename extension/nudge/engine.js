// What content/nudge-read.js imports on demand, the first time new chat text appears: every
// language's rules, misspellings and learned stage (data/nudges.json, nudge-typos.json,
// nudge-model.json), compiled once. Answers only which help screen fits.
import nudges from "../data/nudges.js"; // built from nudges.json (build/package.py)
import typos from "../data/nudge-typos.js";
import model from "../data/nudge-model.js";
import { createNudger } from "./nudger.js";

/** The situation id (data/situations.json) a chat message's risky move leads to, or null (its
 * text, or its readings: nudger.js); messages of the same conversation (the watcher's key) within
 * a few minutes are judged together, and the page's language ("fr", "" if unknown) is read first. */
const nudge = createNudger({ nudges, typos, model });
export const situationFor = (text, conversation, pageLanguage) => nudge(text, conversation, pageLanguage)?.situation ?? null;
