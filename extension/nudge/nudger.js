// Which help screen a chat line leads to, judging the conversation as well as the line (issue 15):
// a strong cue nudges at once, weak cues from the same conversation add up (memory.js). Every
// language's rules read every line, the page's own language first (issue 17): a French line on an
// English page is still read by the French rules, and where two languages both see a move, the
// page's language names it. Pure:
// engine.js gives it the shipped data and the page's clock; tools/eval_nudges.mjs and the tests
// give it JSON and their own clock.
import { compileJudge } from "./judge.js";
import { createMemory } from "./memory.js";
import { tokenise } from "./normalise.js";

/**
 * @param {{nudges: object, typos: object, model?: object}} data data/nudges.json,
 *   data/nudge-typos.json and data/nudge-model.json as parsed
 * @param {{now?: () => number, halfLifeMs?: number}} [options]
 * @returns {(text: string | string[], conversation?: string, pageLanguage?: string) => ({move: string, situation: string} | null)}
 *   the move a nudge is for and its situation id (data/situations.json), or null; text is one
 *   message, or its readings (content/nudge-read.js: the whole line, then the words without the
 *   name and time drawn around them), judged as one message; pageLanguage is the page's primary
 *   language subtag ("fr"), or "" when unknown
 */
export function createNudger(data, { now = () => performance.now(), halfLifeMs } = {}) {
  const languages = Object.entries(data.nudges.languages).map(([language, rules]) => ({
    language,
    judge: compileJudge(rules, {
      notTypos: data.typos.languages[language]?.not_typos,
      model: data.model?.languages[language],
    }),
    situations: new Map(rules.moves.map((move) => [move.id, move.situation])),
  }));
  const memory = createMemory({ halfLifeMs });
  // The order languages are tried in, per page language: the page's first, then the data's order.
  const orders = new Map(languages.map(({ language }, i) => [language, [languages[i], ...languages.filter((_, j) => j !== i)]]));

  return function nudge(text, conversation = "", pageLanguage = "") {
    let weak = null;
    for (const reading of typeof text === "string" ? [text] : text) {
      const tokenised = tokenise(reading); // once for every language: only their words' steps differ
      for (const { judge, situations } of orders.get(pageLanguage) ?? languages) {
        const cue = judge(reading, tokenised);
        if (cue?.strong) return { move: cue.move, situation: situations.get(cue.move) };
        if (cue && (!weak || cue.weight > weak.weight)) weak = { ...cue, situation: situations.get(cue.move) };
      }
    }
    // The message's strongest weak cue counts once, however many readings saw it.
    const crossed = memory.add(conversation, weak?.weight ?? 0, now());
    return crossed ? { move: weak.move, situation: weak.situation } : null;
  };
}
