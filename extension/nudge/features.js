// What the learned stage (issue 15) sees of a line: hashed words, word pairs, and character 3- and
// 4-grams of the line as match.js reads it (" " marks where words begin and end). The same code
// makes the features at training (build/train_nudge_model.mjs) and in the page, so what was
// measured is what ships. Hashes are FNV-1a over UTF-16 units, from a seed per kind of feature so
// "abc" the word and "abc" the gram land apart; no substrings are made, so a line costs little.
// Times and dates are left out: chat apps draw one beside each message, and as features they only
// diluted the words (features are averaged over the line, model.js).
const WORD = 2166136261;
const PAIR = 84696351;
const GRAM = 1150947263;
const PRIME = 16777619;
const SPACE = 32;
// A time or date as the rules read it, two or more numbers in a row: "10:02 AM" reads "10 02 am",
// "9:14 PM" "9 14 dm" (chat spelling reads "pm" as a private message), "3/12/2026" "3 12 2026".
// A number alone ("im 12", "100 robux") stays.
const CLOCK_RE = /(?:^| )\d+(?: \d+)+(?: [apd]m)?(?= |$)/g;

/** The words of a read line the learned stage sees: times and dates left out. */
export const modelText = (line) => line.replace(CLOCK_RE, "").trim();

/**
 * @param {string} line words separated by single spaces: modelText of match.js's read().line
 * @param {number} bits the model's hash size, 2**bits buckets
 * @returns {number[]} bucket indexes, one per feature occurrence
 */
export function features(line, bits) {
  const mask = (1 << bits) - 1;
  const out = [];
  const n = line.length;
  if (!n) return out;
  // Words and pairs: "lead" hashes the current word from the pair seed; at its end it becomes the
  // start of the pair with the next word.
  let word = WORD;
  let lead = PAIR;
  let pair = 0;
  let paired = false;
  for (let i = 0; i <= n; i++) {
    const ch = i < n ? line.charCodeAt(i) : SPACE;
    if (ch === SPACE) {
      out.push((word >>> 0) & mask);
      if (paired) out.push((pair >>> 0) & mask);
      pair = Math.imul(lead ^ SPACE, PRIME);
      paired = true;
      word = WORD;
      lead = PAIR;
      continue;
    }
    word = Math.imul(word ^ ch, PRIME);
    lead = Math.imul(lead ^ ch, PRIME);
    if (paired) pair = Math.imul(pair ^ ch, PRIME);
  }
  // Character 3- and 4-grams of " line ".
  const at = (i) => (i === 0 || i === n + 1 ? SPACE : line.charCodeAt(i - 1));
  for (let i = 0; i + 3 <= n + 2; i++) {
    let h = Math.imul(GRAM ^ at(i), PRIME);
    h = Math.imul(h ^ at(i + 1), PRIME);
    h = Math.imul(h ^ at(i + 2), PRIME);
    out.push((h >>> 0) & mask);
    if (i + 4 <= n + 2) out.push((Math.imul(h ^ at(i + 3), PRIME) >>> 0) & mask);
  }
  return out;
}
