// Decides whether a chat line makes one of the risky moves in extension/data/nudges.json
// (issue 11). Rules are filed under anchor words, as uBlock Origin files filters under tokens,
// so most lines are dismissed after one tokenisation and a few Map lookups; only the moves whose
// anchors appear run their one combined RegExp. Pure functions: content script and Node alike.
import { finish, tokenise } from "./normalise.js";
import { typoFinder } from "./typos.js";

// Expands {NAME} to the language's terms.NAME (a shared alternation, written once).
function expand(source, terms) {
  return source.replace(/\{([A-Z_]+)\}/g, (whole, name) => {
    if (!(name in terms)) throw new Error(`unknown term ${whole} in pattern ${source}`);
    return terms[name];
  });
}

// Words the normaliser should recognise when splitting "s n a p" or collapsing "piccc".
export function vocabulary(rules) {
  const words = new Set(Object.keys(rules.spelling ?? {}));
  for (const value of Object.values(rules.spelling ?? {})) for (const w of value.split(" ")) words.add(w);
  const sources = [...Object.values(rules.terms ?? {}), ...rules.moves.flatMap((m) => m.patterns)];
  for (const source of sources) for (const w of source.match(/[a-z]{2,}/g) ?? []) words.add(w);
  for (const move of rules.moves) for (const a of move.anchors) words.add(a);
  return words;
}

/**
 * @param {{terms?: object, spelling?: object, emoji?: object, moves: {id: string, anchors: string[], patterns: string[]}[]}} rules
 *   one language from nudges.json, e.g. data.languages.en
 * @param {{notTypos?: string[]}} [options] real words one slip from a vocabulary word
 *   (data/nudge-typos.json), never read as its misspelling
 * @returns {{match(text: string): string|null,
 *   read(text: string, tokenised?: object): {line: string, candidates: number},
 *   ruleFor(read: {line: string, candidates: number}): string|null, words: Set<string>}}
 */
export function compile(rules, { notTypos = [] } = {}) {
  const terms = rules.terms ?? {};
  const spelling = new Map(Object.entries(rules.spelling ?? {}));
  const words = vocabulary(rules);
  const typo = typoFinder(words, notTypos);
  const moves = rules.moves.map((move) => ({
    id: move.id,
    // One RegExp per move: the engine walks the text once for all its patterns.
    re: new RegExp(move.patterns.map((p) => `(?:${expand(p, terms)})`).join("|")),
  }));
  const emoji = new Map(Object.entries(rules.emoji ?? {})); // emoji -> the word it stands for
  const byAnchor = new Map();                    // anchor word -> bitmask of move indexes
  rules.moves.forEach((move, i) => {
    for (const anchor of move.anchors) byAnchor.set(anchor, (byAnchor.get(anchor) ?? 0) | (1 << i));
  });
  // Every word the rules know, as the line spells it and the moves it is an anchor of: one
  // lookup a word instead of one for chat spelling and one for anchors.
  const known = new Map();
  for (const anchor of byAnchor.keys()) known.set(anchor, { text: anchor, candidates: byAnchor.get(anchor) });
  for (const [typed, respelt] of spelling) {
    let candidates = 0;
    for (const w of respelt.split(" ")) candidates |= byAnchor.get(w) ?? 0;
    known.set(typed, { text: respelt, candidates });
  }

  // The line as the rules read it (normalised, misspellings and chat spelling undone) and the
  // moves whose anchors it holds, as a bitmask. The learned stage reads the same line. `tokens`
  // tokenised is the text's tokenise(), when the caller has it already (every language reads
  // every line).
  function read(text, tokenised = tokenise(text)) {
    let candidates = 0;
    const out = [];
    for (const typed of finish(tokenised, words, emoji)) {
      // Known words first: they are never slips, and most cue words are known.
      let hit = known.get(typed);
      const token = hit ? typed : typo(typed) ?? typed;
      hit ??= known.get(token);
      if (hit) { out.push(hit.text); candidates |= hit.candidates; }
      else out.push(token);
    }
    return { line: out.join(" "), candidates };
  }

  function ruleFor({ line, candidates }) {
    if (candidates === 0) return null;
    for (let i = 0; i < moves.length; i++) {
      if ((candidates & (1 << i)) && moves[i].re.test(line)) return moves[i].id;
    }
    return null;
  }

  return { match: (text) => ruleFor(read(text)), read, ruleFor, words };
}
