// Turns a chat line into plain lowercase Latin words, undoing the
// usual filter evasions (issue 11). Language-agnostic: chat spelling ("u" -> "you") and emoji
// words (a camera emoji -> "camera") are per language data, applied and handed in by match.js.
// Pure: no DOM, no globals, runs in a content script and Node.

// A few emoji carry the meaning of a word in risky chat (research: nudges.md): which word is each
// language's own data (nudges.json's emoji), handed in by match.js. Each map's pattern, made once.
const EMOJI_RES = new WeakMap();
const emojiRe = emoji => {
    if (!EMOJI_RES.has(emoji)) EMOJI_RES.set(emoji, emoji.size ? new RegExp([...emoji.keys()].join('|'), 'gu') : null);
    return EMOJI_RES.get(emoji);
};
const NO_EMOJI = new Map();

// Cyrillic and Greek letters that look like Latin ones (lowercase, after toLowerCase).
const LOOKALIKE = new Map(Object.entries({
    'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'г': 'r', 'һ': 'h', 'і': 'i', 'ї': 'i', 'ј': 'j',
    'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'ѕ': 's', 'т': 't', 'у': 'y',
    'х': 'x', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ɡ': 'g', 'ı': 'i',
    'α': 'a', 'β': 'b', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p',
    'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'γ': 'y',
}));

// Leet digits and symbols, applied only inside tokens that also hold letters.
const LEET = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'b', '7': 't', '8': 'b', '9': 'g', '@': 'a', '$': 's' };
// Numbers with units stay numbers: 3pm, 1v1, 100k, 2nd, 60fps, 12yo.
const NUMBER_WITH_UNIT = /^\$?\d+(?:st|nd|rd|th|am|pm|k|m|b|x|s|v\d+|hp|fps|gb|mb|mins?|hrs?|h|yo|yrs?|y|d|lvl)?$/;

const TOKEN_RE = /[\p{L}\p{N}@$]+/gu;
const WORD_RE = /^[a-z]+$/;
const LATIN_RE = /[a-z]/;
const NON_LATIN_LETTER_RE = /[^\P{L}a-z]/u;

function stripLookalikes(token, mostlyLatin) {
    if (!NON_LATIN_LETTER_RE.test(token)) return token;
    // Map mixed-script tokens always; all-foreign tokens only in a mostly Latin message,
    // so real Russian or Greek text is left alone.
    if (!LATIN_RE.test(token) && !mostlyLatin) return token;
    let out = '';
    for (const ch of token) out += LOOKALIKE.get(ch) ?? ch;
    return out;
}

function unLeet(token) {
    if (WORD_RE.test(token)) return token;                         // most tokens: plain letters
    if (NUMBER_WITH_UNIT.test(token)) return token;
    if (!/[a-z]/.test(token)) return token.replace(/@/g, '');     // "$100", "@" alone
    const body = token.replace(/^@/, '');                          // "@name" is a mention
    if (!/[\d@$]/.test(body)) return body;
    return body.replace(/[\d@$]/g, ch => LEET[ch] ?? ch);
}

// "sooooo" -> "soo", or "so" when only that is a known word ("piccc" -> "pic").
function collapseRepeats(token, words) {
    if (!/(.)\1\1/.test(token)) return token;
    const two = token.replace(/(.)\1{2,}/g, '$1$1');
    if (!words || words.has(two)) return two;
    const one = token.replace(/(.)\1{2,}/g, '$1');
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
    let loose = '';
    for (const piece of pieces) {
        if (piece.length === 1 && !(words && words.has(piece))) { loose += piece; continue; }
        if (loose) { out.push(loose); loose = ''; }
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
        if (j - i >= 3) { out.push(...segment(tokens.slice(i, j).join(''), words)); i = j; }
        else { out.push(tokens[i]); i++; }
    }
    return out;
}

// Most chat lines are plain ASCII: for them the Unicode steps below change nothing, and their
// \p{...} patterns are the costliest to compile and run, so plain lines take ASCII twins.
const NOT_ASCII_RE = /[^\x00-\x7f]/;
const APOSTROPHE = { plain: /([a-z])['`]([a-z])/g, unicode: /(\p{L})['’ʼ`](\p{L})/gu };
const TOKENS = { plain: /[a-z\d@$]+/g, unicode: TOKEN_RE };

// Emoji to words, compatibility forms, invisible format characters, case, accents and overlays.
function unicodeToPlain(text, emoji) {
    const re = emojiRe(emoji);
    let s = (re ? text.replace(re, m => ` ${emoji.get(m)} `) : text).normalize('NFKC');
    s = s.replace(/\p{Cf}/gu, '').toLowerCase();
    // French ligatures have no decomposition: "sœur" is written "soeur" (issue 17).
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/**
 * @param {string} text a chat line
 * @param {{words?: Set<string>, emoji?: Map<string, string>}} [options] known words, used to split
 *   spaced-out letters and to choose between "oo" and "o" when collapsing repeats (without them runs
 *   are simply joined); the language's emoji words (without them emoji are dropped)
 * @returns {string[]} lowercase plain words
 */
export function normalise(text, { words, emoji = NO_EMOJI } = {}) {
    const kind = NOT_ASCII_RE.test(text) ? 'unicode' : 'plain';
    let s = kind === 'plain' ? String(text).toLowerCase() : unicodeToPlain(String(text), emoji);
    s = s.replace(APOSTROPHE[kind], '$1$2');                        // don't -> dont
    let tokens = s.match(TOKENS[kind]) ?? [];
    if (kind === 'unicode') {
        const latin = (s.match(/[a-z]/g) ?? []).length;
        const foreign = (s.match(/[^\P{L}a-z]/gu) ?? []).length;
        tokens = tokens.map(t => stripLookalikes(t, latin >= foreign));
    }
    tokens = joinSpacedLetters(tokens.map(unLeet).filter(Boolean), words);
    return tokens.map(t => collapseRepeats(t, words));
}
