// Writes extension/data/nudge-typos.json (issues 15, 17): for each language of nudges.json, the real
// words one slip from one of its words (extension/nudge/typos.js), which the matcher must never
// read as a misspelt cue ("sand" is not "send", "pere" is not "pire"). Run by `invoke nudge-data`;
// a test checks that the shipped list is what this makes from the same dictionaries.
// Usage: node build/nudge_typos.mjs <repo root> <language>=<dictionary, one word a line>...
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { vocabulary } from "../extension/nudge/match.js";
import { slipIndex } from "../extension/nudge/typos.js";

// Debian's word lists, which scripts/setup.sh installs.
const NAMES = { en: "wamerican", fr: "wfrench", es: "wspanish" };

const [root, ...pairs] = process.argv.slice(2);
const dictionaries = new Map(pairs.map((pair) => pair.split("=")));
const rules = JSON.parse(readFileSync(`${root}/extension/data/nudges.json`, "utf8"));

// A dictionary word as the normaliser writes it: "don't" -> "dont", "frère" -> "frere", "sœur" -> "soeur";
// capitalised names stay out, as they always have.
const plain = (word) => word.trim().normalize("NFD").replace(/\p{M}/gu, "")
  .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/'/g, "");

const languages = {};
for (const [language, moves] of Object.entries(rules.languages)) {
  const path = dictionaries.get(language);
  if (!path) throw new Error(`no dictionary for ${language}: pass ${language}=<word list>`);
  const dictionary = readFileSync(path, "utf8");
  const real = new Set(dictionary.split("\n").map(plain).filter((w) => /^[a-z]+$/.test(w)));
  const words = vocabulary(moves);
  const wordsFor = slipIndex(words);
  const near = [...real].filter((w) => !words.has(w) && wordsFor(w).length);
  languages[language] = {
    dictionary: { name: `${NAMES[language] ?? language} (Debian), ${path}`, sha256: createHash("sha256").update(dictionary).digest("hex") },
    not_typos: near.sort(),
  };
}
const out = {
  $comment: "Made by build/nudge_typos.mjs from one dictionary a language; never edit by hand. Real words one slip from a word of nudges.json, never read as its misspelling.",
  made_by: "build/nudge_typos.mjs",
  languages,
};
writeFileSync(`${root}/extension/data/nudge-typos.json`, JSON.stringify(out, null, 1) + "\n");
