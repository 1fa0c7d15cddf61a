// Runs the nudge engine over the evaluation sets for tools/eval_nudges.py (issues 11, 15).
// Usage: node eval_nudges.mjs <repo root> <rules json> <language> <passes> <part>...
// Prints one JSON object: the move each line got, each conversation's first nudge and, if
// passes > 0, microseconds per line. Typos and the learned stage are the repo's data files.
// Each part is also read as chat apps draw it (chat_decor.mjs): the move each dressed line got,
// without its text.
// Every language's rules judge every line, as in the page (nudger.js), the set's language as the
// page's: it goes first. Its sets are tests/nudges/ for English and tests/nudges/<language>/ for the others.
import { existsSync, readFileSync } from "node:fs";
import { createNudger } from "../extension/nudge/nudger.js";
import { decorator, LINE_GAP_MS } from "../build/chat_decor.mjs";

const DECOR_SEED = 1207; // not training's seed, with formats training never sees

const [root, rulesPath, language, passes, ...parts] = process.argv.slice(2);
const json = (path) => JSON.parse(readFileSync(path, "utf8"));
const jsonl = (path) => readFileSync(path, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const rules = json(rulesPath);
const sets = language === "en" ? `${root}/tests/nudges` : `${root}/tests/nudges/${language}`;
let clock = 0;
const nudge = createNudger({
  nudges: rules,
  typos: json(`${root}/extension/data/nudge-typos.json`),
  model: json(`${root}/extension/data/nudge-model.json`),
}, { now: () => clock });

const result = { node: process.version, parts: {}, decorated: {}, conversations: {}, microsPerLine: null };
const texts = [];
let key = 0; // each line alone is its own conversation
for (const part of parts) {
  result.parts[part] = jsonl(`${sets}/${part}.jsonl`)
    .map((c) => ({ ...c, got: nudge(c.text, `line ${key++}`, language)?.move ?? null }));
  texts.push(...result.parts[part].map((c) => c.text));
  const decorate = decorator(DECOR_SEED, { held: true });
  result.decorated[part] = result.parts[part]
    .map((c) => ({ move: c.move, also: c.also, got: nudge(decorate(c.text), `line ${key++}`, language)?.move ?? null }));
  const conversations = `${sets}/conversations-${part}.jsonl`;
  if (!existsSync(conversations)) continue;
  result.conversations[part] = jsonl(conversations).map((c) => {
    const here = `conversation ${key++}`;
    const got = c.lines.map((line) => { clock += LINE_GAP_MS; return nudge(line, here, language)?.move ?? null; });
    const at = got.findIndex(Boolean);
    return { ...c, got: at < 0 ? null : got[at], at: at < 0 ? null : at };
  });
}
if (Number(passes) > 0) {
  for (let i = 0; i < 100; i++) for (const t of texts) nudge(t, "bench");     // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < Number(passes); i++) for (const t of texts) nudge(t, "bench");
  result.microsPerLine = Number(process.hrtime.bigint() - start) / 1000 / (Number(passes) * texts.length);
}
console.log(JSON.stringify(result));
