// Turns a chat line into plain lowercase Latin words, undoing the
// usual filter evasions (issue 11). Language-agnostic: chat spelling ("u" -> "you") and the words
// emoji stand for (a camera emoji -> "camera") are each language's data (nudges.json), applied in
// finish() and by match.js. Pure: no DOM, no globals, runs in a content script and Node.

// An emoji stays a token of its own until finish() gives it the language's word, or drops it.
const EMOJI_RE = /\p{Extended_Pictographic}/gu;
const IS_EMOJI_RE = /^\p{Extended_Pictographic}$/u;
const NO_EMOJI = new Map();

// Cyrillic and Greek letters that look like Latin ones (lowercase, after toLowerCase).
const LOOKALIKE = new Map(Object.entries({
  "а": "a", "в": "b", "е": "e", "ё": "e", "г": "r", "һ": "h", "і": "i", "ї": "i", "ј": "j",
  "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c", "ѕ": "s", "т": "t", "у": "y",
  "х": "x", "ԁ": "d", "ԛ": "q", "ԝ": "w", "ɡ": "g", "ı": "i",
  "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
  "τ": "t", "υ": "u", "χ": "x", "ω": "w", "γ": "y",
}));

// Leet digits and symbols, applied only inside tokens that also hold letters.
const LEET = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "6": "b", "7": "t", "8": "b", "9": "g", "@": "a", "$": "s" };
// Numbers with units stay numbers: 3pm, 1v1, 100k, 2nd, 60fps, 12yo.
const NUMBER_WITH_UNIT = /^\$?\d+(?:st|nd|rd|th|am|pm|k|m|b|x|s|v\d+|hp|fps|gb|mb|mins?|hrs?|h|yo|yrs?|y|d|lvl)?$/;

const TOKEN_RE = /[\p{L}\p{N}@$]+|\p{Extended_Pictographic}/gu;
const WORD_RE = /^[a-z]+$/;
const LATIN_RE = /[a-z]/;
const NON_LATIN_LETTER_RE = /[^\P{L}a-z]/u;

function stripLookalikes(token, mostlyLatin) {
  if (!NON_LATIN_LETTER_RE.test(token)) return token;
  // Map mixed-script tokens always; all-foreign tokens only in a mostly Latin message,
  // so real Russian or Greek text is left alone.
  if (!LATIN_RE.test(token) && !mostlyLatin) return token;
  let out = "";
  for (const ch of token) out += LOOKALIKE.get(ch) ?? ch;
  return out;
}

function unLeet(token) {
  if (WORD_RE.test(token)) return token;                         // most tokens: plain letters
  if (NUMBER_WITH_UNIT.test(token)) return token;
  if (!/[a-z]/.test(token)) return token.replace(/@/g, "");     // "$100", "@" alone
  const body = token.replace(/^@/, "");                          // "@name" is a mention
  if (!/[\d@$]/.test(body)) return body;
  return body.replace(/[\d@$]/g, (ch) => LEET[ch] ?? ch);
}

// "sooooo" -> "soo", or "so" when only that is a known word ("piccc" -> "pic").
function collapseRepeats(token, words) {
  if (!/(.)\1\1/.test(token)) return token;
  const two = token.replace(/(.)\1{2,}/g, "$1$1");
  if (!words || words.has(two)) return two;
  const one = token.replace(/(.)\1{2,}/g, "$1");
  return words.has(one) ? one : two;
}

// Splits a run of spaced-out letters ("a r e u a l o n e") into known words where it can,
// fewest pieces first; leftover letters are joined back ("s n a k e" -> "snake").
function segment(letters, words) {
  const n = letters.length;
  const best = new Array(n + 1).fill(Infinity);
  const from = new Array(n + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= n; end++) {
    for (let start = Math.max(0, end - 12); start < end; start++) {
      const piece = letters.slice(start, end);
      if (end - start > 1 && !(words && words.has(piece))) continue;
      if (best[start] + 1 < best[end]) { best[end] = best[start] + 1; from[end] = start; }
    }
  }
  const pieces = [];
  for (let end = n; end > 0; end = from[end]) pieces.unshift(letters.slice(from[end], end));
  const out = [];
  let loose = "";
  for (const piece of pieces) {
    if (piece.length === 1 && !(words && words.has(piece))) { loose += piece; continue; }
    if (loose) { out.push(loose); loose = ""; }
    out.push(piece);
  }
  if (loose) out.push(loose);
  return out;
}

function joinSpacedLetters(tokens, words) {
  const out = [];
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && tokens[j].length === 1 && /[a-z]/.test(tokens[j])) j++;
    if (j - i >= 3) { out.push(...segment(tokens.slice(i, j).join(""), words)); i = j; }
    else { out.push(tokens[i]); i++; }
  }
  return out;
}

// Most chat lines are plain ASCII: for them the Unicode steps below change nothing, and their
// \p{...} patterns are the costliest to compile and run, so plain lines take ASCII twins.
// eslint-disable-next-line no-control-regex -- the ASCII test names the control range on purpose
const NOT_ASCII_RE = /[^\x00-\x7f]/;
const APOSTROPHE = { plain: /([a-z])['`]([a-z])/g, unicode: /(\p{L})['’ʼ`](\p{L})/gu };
const TOKENS = { plain: /[a-z\d@$]+/g, unicode: TOKEN_RE };

// Emoji apart, compatibility forms, invisible format characters, case, accents and overlays.
function unicodeToPlain(text) {
  let s = text.replace(EMOJI_RE, (m) => ` ${m} `).normalize("NFKC");
  s = s.replace(/\p{Cf}/gu, "").toLowerCase();
  // French ligatures have no decomposition: "sœur" is written "soeur" (issue 17).
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/œ/g, "oe").replace(/æ/g, "ae");
}

// A run of three single letters ("s n a p") or a letter three times ("piccc"): only then do a
// language's words change the tokens (joinSpacedLetters, collapseRepeats).
const TRIPLE_RE = /(.)\1\1/;
function needsWords(tokens, emoji) {
  let singles = 0;
  for (const t of tokens) {
    if (emoji && t.length <= 2 && IS_EMOJI_RE.test(t)) continue; // a language may drop it: look past it
    singles = t.length === 1 ? singles + 1 : 0;
    if (singles === 3 || TRIPLE_RE.test(t)) return true;
  }
  return false;
}

/**
 * The steps that don't depend on a language's words, done once a line whichever languages' rules
 * then read it (nudger.js): the page's language, and each other whose words the line could be in.
 * @param {string} text a chat line
 * @returns {{tokens: string[], pending: boolean, emoji: boolean}} lowercase plain tokens, and emoji;
 *   pending when spaced-out letters or repeats are left for finish() to undo with a language's
 *   words, emoji when emoji are left for finish() to give a language's words
 */
export function tokenise(text) {
  const kind = NOT_ASCII_RE.test(text) ? "unicode" : "plain";
  let s = kind === "plain" ? String(text).toLowerCase() : unicodeToPlain(String(text));
  s = s.replace(APOSTROPHE[kind], "$1$2");                        // don't -> dont
  let tokens = s.match(TOKENS[kind]) ?? [];
  if (kind === "unicode") {
    const latin = (s.match(/[a-z]/g) ?? []).length;
    const foreign = (s.match(/[^\P{L}a-z]/gu) ?? []).length;
    tokens = tokens.map((t) => stripLookalikes(t, latin >= foreign));
  }
  tokens = tokens.map(unLeet).filter(Boolean);
  // Emoji tokens come only from the Unicode steps: a plain ASCII line never looks for them.
  const emoji = kind === "unicode" && tokens.some((t) => IS_EMOJI_RE.test(t));
  return { tokens, pending: needsWords(tokens, emoji), emoji };
}

/**
 * The steps that use a language's words: emoji as words, splitting spaced-out letters, collapsing
 * repeats.
 * @param {{tokens: string[], pending: boolean, emoji: boolean}} tokenised tokenise()'s, left unchanged
 * @param {Set<string>} [words] known words, used to split spaced-out letters and to choose
 *   between "oo" and "o" when collapsing repeats; without it runs are simply joined
 * @param {Map<string, string>} [emojiWords] the word each emoji stands for; other emoji are dropped
 * @returns {string[]} lowercase plain words
 */
export function finish({ tokens, pending, emoji }, words, emojiWords = NO_EMOJI) {
  if (emoji) tokens = tokens.flatMap((t) => IS_EMOJI_RE.test(t) ? emojiWords.get(t) ?? [] : t);
  if (!pending) return tokens;
  return joinSpacedLetters(tokens, words).map((t) => collapseRepeats(t, words));
}

/**
 * @param {string} text a chat line
 * @param {{words?: Set<string>, emoji?: Map<string, string>}} [options] known words and the words
 *   emoji stand for (finish())
 * @returns {string[]} lowercase plain words
 */
export function normalise(text, { words, emoji } = {}) {
  return finish(tokenise(text), words, emoji);
}
