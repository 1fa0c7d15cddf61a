// Conversation memory (issue 15): weak cues from the same conversation within a few minutes and a
// few lines add up ("how old r u", then "u alone?", then "add me on snap"). Each conversation keeps
// one score that halves every HALF_LIFE_MS and shrinks by LINE_DECAY at every line read; a weak cue
// adds its weight, and the conversation nudges when the score reaches 1. The lines count too because
// a busy chat is many people: cues far apart in it are seldom one person's. Memory only, gone with
// the page; nothing of the text is kept, only the score. Pure: the clock is passed in.

const HALF_LIFE_MS = 2 * 60_000;
const LINE_DECAY = 0.7;
const MAX_CONVERSATIONS = 50; // a page that keeps changing address forgets its oldest scores

export function createMemory({ halfLifeMs = HALF_LIFE_MS } = {}) {
  const scores = new Map(); // conversation -> { score, at }

  /**
     * @param {string} conversation e.g. the page address without query or fragment
     * @param {number} weight the line's cue weight, below 1 (a weak cue), or 0 for a line that is none
     * @param {number} now milliseconds, any monotonic clock
     * @returns {boolean} whether the conversation's score has now reached 1 (then it starts afresh)
     */
  function add(conversation, weight, now) {
    const seen = scores.get(conversation);
    if (!seen && !weight) return false; // the usual line: nothing to remember, nothing to decay
    const decayed = seen ? seen.score * LINE_DECAY * 0.5 ** (Math.max(0, now - seen.at) / halfLifeMs) : 0;
    const score = decayed + weight;
    scores.delete(conversation); // re-inserted last: the Map's order is least recently used first
    if (score >= 1) return true;
    scores.set(conversation, { score, at: now });
    if (scores.size > MAX_CONVERSATIONS) scores.delete(scores.keys().next().value);
    return false;
  }

  /**
   * What a message's cue (nudger.js) does in its conversation: a strong cue nudges at once, a weak
   * one adds its weight, and a line with none decays the score.
   * @param {{move: string, situation: string, strong: boolean, weight: number} | null} cue
   * @returns {{move: string, situation: string} | null} the nudge, if there is one now
   */
  function heed(conversation, cue, now) {
    if (cue?.strong || add(conversation, cue?.weight ?? 0, now)) return { move: cue.move, situation: cue.situation };
    return null;
  }

  return { add, heed };
}
