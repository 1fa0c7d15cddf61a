// Runs the nudge engine over the evaluation sets for tools/eval_nudges.py (issue 11).
// Usage: node eval_nudges.mjs <repo root> <rules json> <language> <passes> <part>...
// Prints one JSON object: what each line got and, if passes > 0, microseconds per line.
import { readFileSync } from 'node:fs';
import { compile } from '../extension/nudge/match.js';

const [root, rulesPath, language, passes, ...parts] = process.argv.slice(2);
const data = JSON.parse(readFileSync(rulesPath, 'utf8'));
const matcher = compile(data.languages[language]);
const result = { node: process.version, parts: {}, microsPerLine: null };
const texts = [];
for (const part of parts) {
    const lines = readFileSync(`${root}/tests/nudges/${part}.jsonl`, 'utf8').split('\n').filter(l => l.trim());
    result.parts[part] = lines.map(l => JSON.parse(l)).map(c => ({ ...c, got: matcher.match(c.text) }));
    texts.push(...result.parts[part].map(c => c.text));
}
if (Number(passes) > 0) {
    for (let i = 0; i < 100; i++) for (const t of texts) matcher.match(t);     // warm up the JIT
    const start = process.hrtime.bigint();
    for (let i = 0; i < Number(passes); i++) for (const t of texts) matcher.match(t);
    result.microsPerLine = Number(process.hrtime.bigint() - start) / 1000 / (Number(passes) * texts.length);
}
console.log(JSON.stringify(result));
