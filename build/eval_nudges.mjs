// Runs the nudge engine over the evaluation sets for build/eval_nudges.py (issue 11).
// Prints one JSON object: what each line got, and the matching cost per line in this Node.
import { readFileSync } from 'node:fs';
import { compile } from '../extension/nudge/match.js';
import data from '../extension/data/nudges.json' with { type: 'json' };

const [root, language = 'en', ...parts] = process.argv.slice(2);
const matcher = compile(data.languages[language]);
const result = { parts: {} };
const all = [];
for (const part of parts) {
    const lines = readFileSync(`${root}/tests/nudges/${part}.jsonl`, 'utf8').split('\n').filter(l => l.trim());
    const cases = lines.map(l => JSON.parse(l));
    result.parts[part] = cases.map(c => ({ ...c, got: matcher.match(c.text) }));
    all.push(...cases.map(c => c.text));
}
// Cost: warm up, then time many passes over every line (no assertion here; the report shows it).
for (let i = 0; i < 200; i++) for (const t of all) matcher.match(t);
const passes = 2000;
const start = process.hrtime.bigint();
for (let i = 0; i < passes; i++) for (const t of all) matcher.match(t);
result.microsPerLine = Number(process.hrtime.bigint() - start) / 1000 / (passes * all.length);
console.log(JSON.stringify(result));
