// Writes extension/data/nudge-typos.json (issue 15): for each language of nudges.json, the real
// words one slip from one of its words (extension/nudge/typos.js), which the matcher must never
// read as a misspelt cue ("sand" is not "send"). Run by `invoke nudge-data`; a test checks that
// the shipped list is what this makes from the same dictionary.
// Usage: node build/nudge_typos.mjs <repo root> <dictionary, one word a line>
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { vocabulary } from '../extension/nudge/match.js';
import { slips } from '../extension/nudge/typos.js';

const [root, dictionaryPath] = process.argv.slice(2);
const rules = JSON.parse(readFileSync(`${root}/extension/data/nudges.json`, 'utf8'));
const dictionary = readFileSync(dictionaryPath, 'utf8');
// "don't" is written "dont" in chat, and the normaliser drops the apostrophe the same way.
const real = new Set(dictionary.split('\n').map(w => w.trim().replace(/'/g, '')).filter(w => /^[a-z]+$/.test(w)));

const languages = {};
for (const [language, moves] of Object.entries(rules.languages)) {
    const words = vocabulary(moves);
    const near = new Set();
    for (const word of words) for (const slip of slips(word)) if (real.has(slip) && !words.has(slip)) near.add(slip);
    languages[language] = { not_typos: [...near].sort() };
}
const out = {
    $comment: 'Made by build/nudge_typos.mjs from a dictionary; never edit by hand. Real words one slip from a word of nudges.json, never read as its misspelling.',
    made_by: 'build/nudge_typos.mjs',
    dictionary: { name: 'wamerican (Debian), /usr/share/dict/words', sha256: createHash('sha256').update(dictionary).digest('hex') },
    languages,
};
writeFileSync(`${root}/extension/data/nudge-typos.json`, JSON.stringify(out, null, 1) + '\n');
