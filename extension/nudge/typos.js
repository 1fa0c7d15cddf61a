// Misspellings of the rules' own vocabulary (issue 15): one slip away from a known word of four
// letters or more, i.e. two neighbouring letters swapped, a letter doubled, and from five letters
// a letter dropped or struck on a neighbouring key ("sned", "selfe", "discrod", "adress").
// A slip that spells a real word ("send" -> "sand") is never read as the cue word: those real words
// are listed in the language's data (not_typos), and the language's own words are never rewritten
// either. Found when a word is read, through an index of each word's deletions (as SymSpell does),
// not listed in full when the rules compile: every slip of every language's words is some 55,000
// strings, which made loading the engine a 30 ms task in the page.

// QWERTY neighbours of each letter, on the same row and the rows above and below.
const ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const NEIGHBOURS = new Map();
ROWS.forEach((row, r) => {
  [...row].forEach((ch, c) => {
    const near = [row[c - 1], row[c + 1]];
    for (const other of [ROWS[r - 1], ROWS[r + 1]]) if (other) near.push(other[c - 1], other[c], other[c + 1]);
    NEIGHBOURS.set(ch, near.filter(Boolean).join(""));
  });
});

const eligible = (word) => word.length >= 4 && /^[a-z]+$/.test(word);
// FNV-1a of `word` with its letter at `skip` taken out (-1: none): a chat word's deletions are
// looked up without making a string of each (a third less time a word, in Node).
function hashWithout(word, skip) {
  let h = 2166136261;
  for (let j = 0; j < word.length; j++) if (j !== skip) h = Math.imul(h ^ word.charCodeAt(j), 16777619);
  return h;
}

// Whether `typed` is one slip from `word` (see above), `word` eligible.
function isSlip(word, typed) {
  const n = word.length;
  if (typed.length === n + 1) { // doubled: the letter after it is the one doubled
    for (let i = 0; i < n; i++) if (typed[i] !== word[i]) return typed[i] === word[i - 1] && typed.slice(i + 1) === word.slice(i);
    return typed[n] === word[n - 1];
  }
  if (n < 5 && typed.length !== n) return false;
  if (typed.length === n - 1) { // dropped
    for (let i = 0; i < n - 1; i++) if (typed[i] !== word[i]) return typed.slice(i) === word.slice(i + 1);
    return true;
  }
  if (typed.length !== n) return false;
  let i = 0;
  while (i < n && typed[i] === word[i]) i++;
  if (i === n) return false;
  if (typed.slice(i + 1) === word.slice(i + 1)) return n >= 5 && NEIGHBOURS.get(word[i]).includes(typed[i]); // struck nearby
  return word[i] !== word[i + 1] && typed[i] === word[i + 1] && typed[i + 1] === word[i] && typed.slice(i + 2) === word.slice(i + 2);
}

/**
 * @param {Iterable<string>} words a language's vocabulary
 * @returns {(typed: string) => string[]} the words `typed` is one slip from; build/nudge_typos.mjs
 *   lists the real words among them
 */
export function slipIndex(words) {
  const known = new Map(); // hash of a word whose slips are read -> those words
  const deletions = new Map(); // hash of a word with one letter taken out -> the words that give it
  const file = (map, key, word) => {
    const list = map.get(key);
    if (!list) map.set(key, [word]);
    else if (!list.includes(word)) list.push(word);
  };
  for (const word of words) {
    if (!eligible(word)) continue;
    file(known, hashWithout(word, -1), word);
    for (let i = 0; i < word.length; i++) file(deletions, hashWithout(word, i), word);
  }
  // A word of the same length shares a deletion with the slip (a swap or a struck key); a longer
  // one has the slip as a deletion (a dropped letter); a shorter one is a deletion of it (doubled).
  // Keys are hashes, so two different strings may share one: isSlip() has the last word.
  return function wordsFor(typed) {
    const found = [];
    const consider = (list) => {
      if (list) for (const word of list) if (!found.includes(word) && isSlip(word, typed)) found.push(word);
    };
    consider(deletions.get(hashWithout(typed, -1)));
    for (let i = 0; i < typed.length; i++) {
      if (i > 0 && typed.charCodeAt(i) === typed.charCodeAt(i - 1)) continue; // the same deletion again
      const key = hashWithout(typed, i);
      consider(known.get(key));
      consider(deletions.get(key));
    }
    return found;
  };
}

/**
 * @param {Iterable<string>} words the language's vocabulary, never rewritten
 * @param {Iterable<string>} real real words one slip from a vocabulary word, never rewritten
 * @returns {(typed: string) => string | undefined} the word `typed` misspells, only where that word
 *   is the only one it could be
 */
export function typoFinder(words, real) {
  const keep = new Set(words);
  for (const w of real) keep.add(w);
  const wordsFor = slipIndex(words);
  return function find(typed) {
    if (typed.length < 4 || keep.has(typed)) return undefined; // a slip has four letters or more
    const found = wordsFor(typed);
    return found.length === 1 ? found[0] : undefined;
  };
}
