// Judges one chat line (issue 15): the rules (match.js) and the learned stage (model.js) read the
// same line. A line nudges at once when a rule matches and the model doesn't find it plainly
// harmless (its risk >= veto), or when the model alone is confident (risk >= threshold); a line
// the model finds somewhat risky (risk >= weak) is a weak cue, for the conversation to add up
// (memory.js), weighing from 0 at weak to 1 at threshold, so lines barely past weak add little. Thresholds come from cross-validation on the tuning part (data/nudge-model.json).
// A line of fewer than min_words words, times and dates not counted (the model doesn't see them),
// is the rules' alone: on "Send", "You", "10:02 AM" or "Today at 10:02" (a chat app's own buttons
// and times, one-word replies) the model has too little to go on, and a model with no words to
// read answers with its bias alone, which for the Spanish model was a threat.
import { compile } from "./match.js";
import { modelText } from "./features.js";
import { loadModel } from "./model.js";

/**
 * @param {object} rules one language of data/nudges.json
 * @param {{notTypos?: string[], model?: object}} [options] that language's not_typos
 *   (data/nudge-typos.json) and model (data/nudge-model.json); without a model, rules alone
 * @returns {(text: string, tokenised?: object) => ({move: string, strong: boolean, weight: number} | null)}
 *   weight is a weak cue's, 0 to 1; a strong cue's is 1; tokenised is the text's tokenise(), if made already
 */
export function compileJudge(rules, { notTypos, model } = {}) {
  const matcher = compile(rules, { notTypos });
  if (!model) {
    return (text, tokenised) => {
      const move = matcher.ruleFor(matcher.read(text, tokenised));
      return move ? { move, strong: true, weight: 1 } : null;
    };
  }
  const probabilities = loadModel(model);
  return (text, tokenised) => {
    const read = matcher.read(text, tokenised);
    const rule = matcher.ruleFor(read);
    const words = modelText(read.line);
    if (words.split(" ", model.min_words).length < model.min_words) {
      return rule ? { move: rule, strong: true, weight: 1 } : null;
    }
    const p = probabilities(words);
    const risk = 1 - p[0];
    if (rule && risk >= model.veto) return { move: rule, strong: true, weight: 1 };
    const strong = risk >= model.threshold;
    if (!strong && risk < model.weak) return null;
    let best = 1;
    for (let c = 2; c < p.length; c++) if (p[c] > p[best]) best = c;
    const weight = strong ? 1 : (risk - model.weak) / (model.threshold - model.weak);
    return { move: rule ?? model.classes[best], strong, weight };
  };
}
