// Which help screen a chat line leads to, judging the conversation as well as the line (issue 15):
// a strong cue nudges at once, weak cues from the same conversation add up (memory.js). Every
// language's rules read a line, the page's own language first (issue 17): a French line on an
// English page is still read by the French rules, and where two languages both see a move, the
// page's language names it. A language other than the page's leaves out a line that holds another
// language's common words and none of its own (data/nudges.json, markers): read in every language,
// English lines drew false alarms from the French and Spanish models (9 of the English harmless
// tuning lines), and French and Spanish lines from the others (12 and 17), for one more line caught.
// Pure: engine.js gives it the shipped data, in the background; tools/eval_nudges.mjs and the tests
// give it JSON and their own clock.
import { compileJudge } from "./judge.js";
import { createMemory } from "./memory.js";
import { tokenise } from "./normalise.js";

/**
 * @param {{nudges: object, typos: object, model?: object}} data data/nudges.json,
 *   data/nudge-typos.json and data/nudge-model.json as parsed
 * @returns {(text: string | string[], pageLanguage?: string) => ({move: string, situation: string, strong: boolean, weight: number} | null)}
 *   a message's cue: its move, the situation id (data/situations.json) a nudge for it leads to,
 *   whether it nudges at once, and a weak cue's weight (memory.js adds those up), or null; text is
 *   one message, or its readings (content/nudge-read.js: the whole line, then the words without the
 *   name and time drawn around them), judged as one message; pageLanguage is the page's primary
 *   language subtag ("fr"), or "" when unknown
 */
export function createCueFinder(data) {
  const languages = Object.entries(data.nudges.languages).map(([language, rules]) => ({
    language,
    judge: compileJudge(rules, {
      notTypos: data.typos.languages[language]?.not_typos,
      model: data.model?.languages[language],
    }),
    situations: new Map(rules.moves.map((move) => [move.id, move.situation])),
  }));
  const markers = markerLanguages(data.nudges.languages);
  // The order languages are tried in, per page language: the page's first, then the data's order.
  const orders = new Map(languages.map(({ language }, i) => [language, [languages[i], ...languages.filter((_, j) => j !== i)]]));

  return function cueOf(text, pageLanguage = "") {
    let weak = null;
    for (const reading of typeof text === "string" ? [text] : text) {
      const tokenised = tokenise(reading); // once for every language: only their words' steps differ
      const heard = new Set(); // the languages whose own common words the reading holds
      for (const token of tokenised.tokens) if (markers.has(token)) heard.add(markers.get(token));
      for (const { language, judge, situations } of orders.get(pageLanguage) ?? languages) {
        if (language !== pageLanguage && heard.size && !heard.has(language)) continue;
        const cue = judge(reading, tokenised);
        if (cue?.strong) return { ...cue, situation: situations.get(cue.move) };
        if (cue && (!weak || cue.weight > weak.weight)) weak = { ...cue, situation: situations.get(cue.move) };
      }
    }
    return weak; // the message's strongest weak cue counts once, however many readings saw it
  };
}

/**
 * Each marker only one language lists -> that language: the words that say a line may be in it.
 * Rules without markers (as tests make them) have none, and read every line.
 */
function markerLanguages(languages) {
  const listed = Object.entries(languages).flatMap(([language, rules]) => (rules.markers ?? []).map((word) => [word, language]));
  const lists = new Map();
  for (const [word] of listed) lists.set(word, (lists.get(word) ?? 0) + 1);
  return new Map(listed.filter(([word]) => lists.get(word) === 1));
}

/**
 * Cues and a conversation memory together, as the watcher uses them (content/nudge-read.js keeps
 * the memory in the page and asks the background for the cues): the evaluation, training and tests.
 * @param {{nudges: object, typos: object, model?: object}} data as createCueFinder's
 * @param {{now?: () => number, halfLifeMs?: number}} [options]
 * @returns {(text: string | string[], conversation?: string, pageLanguage?: string) => ({move: string, situation: string} | null)}
 *   the move a nudge is for and its situation id, or null
 */
export function createNudger(data, { now = () => performance.now(), halfLifeMs } = {}) {
  const cueOf = createCueFinder(data);
  const memory = createMemory({ halfLifeMs });
  return (text, conversation = "", pageLanguage = "") => memory.heed(conversation, cueOf(text, pageLanguage), now());
}
