// Misspellings of the rules' own vocabulary (issue 15): one slip away from a known word of four
// letters or more, i.e. two neighbouring letters swapped, a letter doubled, and from five letters
// a letter dropped or struck on a neighbouring key ("sned", "selfe", "discrod", "adress").
// Built once when the rules compile, so matching stays one Map lookup a word. A slip that spells
// a real word ("send" -> "sand") is never read as the cue word: those real words are listed in
// the language's data (not_typos), and the language's own words are never rewritten either.

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

// Calls visit(slip) for every string one slip away from `word` (see above); a slip may come more
// than once, and `word` itself too (a swap of two equal letters is skipped, a doubling is not).
// No Set a word: typoMap() runs this for every word of every language when the engine loads.
function eachSlip(word, visit) {
  const n = word.length;
  if (n < 4 || !/^[a-z]+$/.test(word)) return;
  for (let i = 0; i + 1 < n; i++) {
    if (word[i] !== word[i + 1]) visit(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  for (let i = 0; i < n; i++) visit(word.slice(0, i + 1) + word.slice(i));                 // doubled
  if (n >= 5) {
    for (let i = 0; i < n; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i + 1);
      visit(head + tail);                                                          // dropped
      for (const ch of NEIGHBOURS.get(word[i])) visit(head + ch + tail);
    }
  }
}

/** Every string one slip away from `word` (see above), `word` itself excluded. */
export function slips(word) {
  const out = new Set();
  eachSlip(word, (slip) => out.add(slip));
  out.delete(word);
  return out;
}

/**
 * @param {Iterable<string>} words the language's vocabulary, never rewritten
 * @param {Iterable<string>} real real words one slip from a vocabulary word, never rewritten
 * @returns {Map<string, string>} slip -> the word it misspells, only where that word is the only one
 */
export function typoMap(words, real) {
  const keep = new Set(words);
  for (const w of real) keep.add(w);
  const map = new Map();
  const ambiguous = new Set();
  for (const word of words) {
    eachSlip(word, (slip) => {
      if (keep.has(slip) || ambiguous.has(slip)) return;
      const seen = map.get(slip);
      if (seen === undefined) map.set(slip, word);
      else if (seen !== word) { map.delete(slip); ambiguous.add(slip); }
    });
  }
  return map;
}
