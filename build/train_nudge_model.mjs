// Trains the learned stage of the chat nudges (issue 15), one model per language in PARTS, each on
// its language's tuning part only, and writes extension/data/nudge-model.json. Never reads a sealed part. Deterministic: the same tuning
// lines, rules and settings give the same bytes (the date aside), which a test checks.
//
// A softmax regression (harmless + the seven moves) over the hashed features of extension/nudge/
// features.js, trained by full-batch Adam with L2, then quantised to int8, on the tuning lines and
// a copy of each as a chat app draws it (chat_decor.mjs). Its settings (L2, hash size) and the
// thresholds the engine uses are chosen by 5-fold cross-validation inside the tuning part,
// scoring the quantised model exactly as the engine does:
//   threshold  a line nudges when the rules match and its risk (1 - P(harmless)) >= veto, or
//              when its risk >= threshold; chosen for the best recall, bare and dressed, at
//              <= FALSE_ALARMS of each
//   weak       a line whose risk >= weak adds to the conversation's score (nudge/memory.js);
//              chosen with the tuning conversations (chooseWeak)
// Usage: node build/train_nudge_model.mjs <repo root> [--check | --retrain [language]]
//   --check: cross-validates and prints, writes nothing; --retrain: trains with the shipped
//   settings only and prints the file it would write, or only that language's part of it
//   (tests/unit/test_nudge_model.py)
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { compile } from "../extension/nudge/match.js";
import { features, modelText } from "../extension/nudge/features.js";
import { loadModel } from "../extension/nudge/model.js";
import { createNudger } from "../extension/nudge/nudger.js";
import { decorator, LINE_GAP_MS, random } from "./chat_decor.mjs";

const [root, flag] = process.argv.slice(2);
// The languages with a learned stage and where their tuning parts are. French and Spanish joined in
// the ninth round, when new writers had given them about 3,500 tuning lines each; each language's
// model reads every line on a page in its language, whatever the line's (nudger.js).
const PARTS = { en: "tests/nudges", fr: "tests/nudges/fr", es: "tests/nudges/es" };
const FOLDS = 5;
const EPOCHS = 200;
// Below the 3 %, chosen before the eighth round was measured: held-out parts fall on both
// sides of the out-of-fold figure (seventh round: 3.0 % here, 3.6 % sealed, 1.9 % new hand).
const FALSE_ALARMS = 0.025;
const WEAK_RATE = 0.05;
// Shorter lines are the rules' alone (nudge/judge.js): a chat app's own labels and one-word
// replies ("Send", "You") are absent from the tuning lines, and the model misjudged them.
const MIN_WORDS = 3;
// Out of fold on the eighth round's tuning part (caught bare + dressed, at the budget): 2^14 buckets
// with L2 0, 1e-6, 3e-6, 1e-5: 9479, 9577, 9373, 9039; 2^15 with 1e-6, 3e-6, 1e-5: 9744, 9506,
// 9152. Searched again here each time it runs, around the best.
const GRID = { l2: [1e-6, 3e-6], bits: [15] };
// Chat apps draw a name, badges and the time around the words (chat_decor.mjs), and the model's
// features are averaged over the line, so that dressing dilutes a risky line's words. Each line is
// also trained on as AUGMENT dressed copies, same label, in the same fold as the line itself; out of
// fold, the thresholds are chosen on the lines bare and dressed afresh (another seed).
const AUGMENT = 1;
const FOREIGN_EVERY = 4; // see `foreign`
const TRAIN_SEED = 15;
const CHECK_SEED = 16;

const sha256 = (text) => createHash("sha256").update(text).digest("hex");
const round = (x) => Math.round(x * 100) / 100;
const read = (path) => readFileSync(`${root}/${path}`, "utf8");
const rowsOf = (text) => text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const NUDGES = JSON.parse(read("extension/data/nudges.json"));
const TYPOS = JSON.parse(read("extension/data/nudge-typos.json"));

// One language's training: its tuning lines, rules and misspellings, read once.
function trainerFor(LANGUAGE) {
  const TUNE = `${PARTS[LANGUAGE]}/tune.jsonl`;
  const TALKS = `${PARTS[LANGUAGE]}/conversations-tune.jsonl`;
  const tuneText = read(TUNE);
  const cases = rowsOf(tuneText);
  const rules = NUDGES.languages[LANGUAGE];
  const typos = TYPOS.languages[LANGUAGE];
  const matcher = compile(rules, { notTypos: typos.not_typos });
  const classes = ["harmless", ...rules.moves.map((m) => m.id)];
  const reads = cases.map((c) => matcher.read(c.text));
  // Each line as the learned stage sees it (modelText: times and dates left out), made once, as
  // nudge/judge.js makes it once: training and the out-of-fold scoring both read these.
  const words = (read) => modelText(read.line);
  const lines = reads.map(words);
  const labels = cases.map((c) => classes.indexOf(c.move ?? "harmless"));
  const ruled = reads.map((r) => matcher.ruleFor(r));
  const isShort = (l) => l.split(" ", MIN_WORDS).length < MIN_WORDS; // as nudge/judge.js
  const short = lines.map(isShort);
  const dress = decorator(TRAIN_SEED);
  const copies = cases.flatMap((c, i) => Array.from({ length: AUGMENT }, () => ({ of: i, line: words(matcher.read(dress(c.text))) })));
  // A language's model reads every line on a page in its language, whatever the line's (on other
  // pages, the lines that could be in its language: nudger.js), and a French or
  // Spanish tuning part holds no other language: trained alone, the Spanish model flagged 2.5 % of
  // the English harmless tuning lines, and with English added the French one still called a Spanish
  // "¿jugamos al Roblox después?" a request for pictures. So every FOREIGN_EVERY-th harmless line of
  // each other language's tuning part joins its training as harmless (English keeps to its own),
  // bare and dressed like its own lines: trained on bare English only, the French and Spanish models
  // of 4 December made 83 of the English harmless tuning lines nudge when drawn as WhatsApp draws
  // them (name, words, time), against 23 with the models before them (tools/eval_nudges_page.py's
  // reading, on the tuning part).
  const foreign = LANGUAGE === "en" ? [] : Object.keys(PARTS).filter((other) => other !== LANGUAGE)
    .flatMap((other) => rowsOf(read(`${PARTS[other]}/tune.jsonl`))
      .filter((c) => c.move === null && c.set !== "2026-11").filter((_, i) => i % FOREIGN_EVERY === 0))
    .flatMap((c) => [c.text, ...Array.from({ length: AUGMENT }, () => dress(c.text))])
    .map((text) => words(matcher.read(text)));
  const redress = decorator(CHECK_SEED);
  const dressed = cases.map((c) => matcher.read(redress(c.text)));
  const dressedLines = dressed.map(words);
  const dressedRuled = dressed.map((r) => matcher.ruleFor(r));
  const dressedShort = dressedLines.map(isShort);

  function train(rows, bits, l2) {
    const size = 1 << bits;
    const k = classes.length;
    // The two loops over a line's features below are written out for eight classes (harmless and
    // the seven moves every language shares): summed in eight locals, the training took a third of
    // the time of a loop over the classes (the same sums in the same order: the same weights).
    if (k !== 8) throw new Error(`train_nudge_model: the loops in train() are written out for 8 classes, not ${k}`);
    const kept = new Set(rows);
    const items = [...rows.map((i) => ({ line: lines[i], y: labels[i] })),
      ...copies.filter((c) => kept.has(c.of)).map((c) => ({ line: c.line, y: labels[c.of] })),
      ...foreign.map((line) => ({ line, y: 0 }))];
    // Every item's features as offsets into w (feature * k), in one array for all items.
    const found = items.map(({ line }) => features(line, bits));
    const starts = new Int32Array(items.length + 1);
    found.forEach((f, n) => { starts[n + 1] = starts[n] + f.length; });
    const offsets = new Int32Array(starts[items.length]);
    found.forEach((f, n) => { f.forEach((j, i) => { offsets[starts[n] + i] = j * k; }); });
    const norms = Float64Array.from(found, (f) => (f.length ? 1 / Math.sqrt(f.length) : 0));
    const ys = Int32Array.from(items, (item) => item.y);
    const count = items.length;
    const w = new Float64Array(k * size);
    const b = new Float64Array(k);
    const m = new Float64Array(k * size), v = new Float64Array(k * size);
    const mb = new Float64Array(k), vb = new Float64Array(k);
    const lr = 0.05, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
    const z = new Float64Array(k);
    const d = new Float64Array(k);
    // Weights feature by feature (a feature's classes side by side), as quantise() lays them out:
    // a line's few features then touch a few cache lines, not one per class. Each sum still adds
    // its terms in the same order, so the weights are the same to the bit.
    for (let epoch = 1; epoch <= EPOCHS; epoch++) {
      const g = new Float64Array(k * size);
      const gb = new Float64Array(k);
      for (let n = 0; n < count; n++) {
        const norm = norms[n], y = ys[n], end = starts[n + 1];
        let z0 = b[0], z1 = b[1], z2 = b[2], z3 = b[3], z4 = b[4], z5 = b[5], z6 = b[6], z7 = b[7];
        for (let i = starts[n]; i < end; i++) {
          const o = offsets[i];
          z0 += w[o] * norm; z1 += w[o + 1] * norm; z2 += w[o + 2] * norm; z3 += w[o + 3] * norm;
          z4 += w[o + 4] * norm; z5 += w[o + 5] * norm; z6 += w[o + 6] * norm; z7 += w[o + 7] * norm;
        }
        z[0] = z0; z[1] = z1; z[2] = z2; z[3] = z3; z[4] = z4; z[5] = z5; z[6] = z6; z[7] = z7;
        let top = -Infinity;
        for (let c = 0; c < k; c++) if (z[c] > top) top = z[c];
        let total = 0;
        for (let c = 0; c < k; c++) { z[c] = Math.exp(z[c] - top); total += z[c]; }
        for (let c = 0; c < k; c++) {
          const dc = (z[c] / total - (c === y ? 1 : 0)) / count;
          gb[c] += dc;
          d[c] = dc * norm;
        }
        const d0 = d[0], d1 = d[1], d2 = d[2], d3 = d[3], d4 = d[4], d5 = d[5], d6 = d[6], d7 = d[7];
        for (let i = starts[n]; i < end; i++) {
          const o = offsets[i];
          g[o] += d0; g[o + 1] += d1; g[o + 2] += d2; g[o + 3] += d3;
          g[o + 4] += d4; g[o + 5] += d5; g[o + 6] += d6; g[o + 7] += d7;
        }
      }
      const c1 = 1 - beta1 ** epoch, c2 = 1 - beta2 ** epoch;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] + l2 * w[i];
        if (gi === 0 && m[i] === 0) continue;
        m[i] = beta1 * m[i] + (1 - beta1) * gi;
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
        w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
      }
      for (let c = 0; c < k; c++) {
        mb[c] = beta1 * mb[c] + (1 - beta1) * gb[c];
        vb[c] = beta2 * vb[c] + (1 - beta2) * gb[c] * gb[c];
        b[c] -= lr * (mb[c] / c1) / (Math.sqrt(vb[c] / c2) + eps);
      }
    }
    return quantise(w, b, bits);
  }

  // int8 weights, one scale per class, feature by feature (nudge/model.js); base64 so the data file
  // stays small and plain JSON.
  function quantise(w, b, bits) {
    const size = 1 << bits;
    const k = classes.length;
    const q = new Int8Array(k * size);
    const scales = [];
    for (let c = 0; c < k; c++) {
      let top = 0;
      for (let j = 0; j < size; j++) top = Math.max(top, Math.abs(w[j * k + c]));
      const scale = top / 127 || 1;
      for (let j = 0; j < size; j++) q[j * k + c] = Math.round(w[j * k + c] / scale);
      scales.push(Number(scale.toPrecision(6)));
    }
    return { bits, classes, scales, bias: [...b].map((x) => Number(x.toPrecision(6))),
      weights: Buffer.from(q.buffer).toString("base64") };
  }

  function folds() {
    const next = random(15);
    const order = cases.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(next() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    const fold = new Array(cases.length);
    order.forEach((i, n) => { fold[i] = n % FOLDS; });
    return fold;
  }

  // Out-of-fold risk (1 - P(harmless)) of every tuning line, bare and dressed.
  function crossValidate(bits, l2, fold) {
    const risk = new Float64Array(cases.length);
    const dressedRisk = new Float64Array(cases.length);
    for (let f = 0; f < FOLDS; f++) {
      const probabilities = loadModel(train(cases.map((_, i) => i).filter((i) => fold[i] !== f), bits, l2));
      for (let i = 0; i < cases.length; i++) {
        if (fold[i] !== f) continue;
        risk[i] = 1 - probabilities(lines[i])[0];
        dressedRisk[i] = 1 - probabilities(dressedLines[i])[0];
      }
    }
    return { risk, dressedRisk };
  }

  // The thresholds with the best recall, bare and dressed together, at <= FALSE_ALARMS of each, and
  // the counts they give, on the other writers' lines (the old hand-written lines are easier).
  function choose({ risk, dressedRisk }) {
    const theirs = cases.map((_, i) => i).filter((i) => cases[i].set !== "2026-11");
    const risky = theirs.filter((i) => cases[i].move !== null);
    const harmless = theirs.filter((i) => cases[i].move === null);
    const judge = (isShortAt, ruledAt, riskAt, veto, t) => (i) =>
      (isShortAt[i] ? Boolean(ruledAt[i]) : (ruledAt[i] && riskAt[i] >= veto) || riskAt[i] >= t);
    let best = null;
    for (let veto = 0; veto <= 0.5001; veto += 0.05) {
      for (let t = 0.3; t <= 0.99; t += 0.01) {
        const bare = judge(short, ruled, risk, veto, t);
        const worn = judge(dressedShort, dressedRuled, dressedRisk, veto, t);
        const flagged = harmless.filter(bare).length;
        const dressedFlagged = harmless.filter(worn).length;
        if (Math.max(flagged, dressedFlagged) > FALSE_ALARMS * harmless.length) continue;
        const caught = risky.filter(bare).length;
        const dressedCaught = risky.filter(worn).length;
        if (!best || caught + dressedCaught > best.caught + best.dressed.caught) {
          best = { veto: round(veto), threshold: round(t), caught, risky: risky.length, flagged, harmless: harmless.length,
            dressed: { caught: dressedCaught, flagged: dressedFlagged } };
        }
      }
    }
    return best;
  }
  // "w2" before "w10": the writers in the order they wrote.
  const writers = () => [...new Set(cases.map((c) => c.set).filter((set) => set !== "2026-11"))]
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true })).join(" ");

  // The weak-cue threshold: the lowest at which at most WEAK_RATE of the writers' harmless lines
  // (out of fold) are cues, so a busy chat seldom adds up to a nudge, and that adds no falsely
  // flagged tuning conversation to what the line judge alone flags.
  function chooseWeak(language, { risk }) {
    const harmless = cases.map((_, i) => i).filter((i) => cases[i].set !== "2026-11" && cases[i].move === null);
    const talks = rowsOf(read(TALKS));
    const count = (weak) => {
      let clock = 0;
      const nudge = createNudger({ nudges: { languages: { [LANGUAGE]: rules } }, typos: { languages: { [LANGUAGE]: typos } },
        model: { languages: { [LANGUAGE]: { ...language, weak } } } }, { now: () => clock });
      const flagged = talks.map((t, n) => t.lines.some((line) => { clock += LINE_GAP_MS; return nudge(line, String(n)); }));
      return { weak, caught: talks.filter((t, n) => t.risky && flagged[n]).length, risky: talks.filter((t) => t.risky).length,
        flagged: talks.filter((t, n) => !t.risky && flagged[n]).length, harmless: talks.filter((t) => !t.risky).length };
    };
    const alone = count(1);
    let best = alone;
    for (let weak = 0.95; weak >= 0.05; weak -= 0.05) {
      if (harmless.filter((i) => !short[i] && risk[i] >= weak).length > WEAK_RATE * harmless.length) break;
      const got = count(round(weak));
      if (got.flagged <= alone.flagged && got.caught >= best.caught) best = got;
    }
    return best;
  }

  const language = (settings) => ({ ...train(cases.map((_, i) => i), settings.bits, settings.l2), l2: settings.l2 });
  const trainedOn = { file: TUNE, sha256: sha256(tuneText) };
  return {
    // The shipped settings, no cross-validation: what a test compares.
    retrain: (settings) => ({ ...settings, ...language(settings), trained_on: trainedOn }),
    // The settings and thresholds cross-validation picks, and the model they give.
    search() {
      const fold = folds();
      const trials = [];
      for (const bits of GRID.bits) for (const l2 of GRID.l2) {
        const oof = crossValidate(bits, l2, fold);
        trials.push({ bits, l2, ...choose(oof), oof });
        console.error(LANGUAGE, JSON.stringify({ ...trials.at(-1), oof: undefined }));
      }
      const pick = trials.reduce((a, b) => (b.caught + b.dressed.caught > a.caught + a.dressed.caught ? b : a));
      const trained = { ...language(pick), min_words: MIN_WORDS, veto: pick.veto, threshold: pick.threshold };
      const talks = chooseWeak(trained, pick.oof);
      console.error(LANGUAGE, JSON.stringify(talks));
      return {
        ...trained,
        weak: talks.weak,
        trained_on: trainedOn,
        cross_validation: { folds: FOLDS, false_alarms_at_most: FALSE_ALARMS, lines_of: writers(), caught: pick.caught, risky: pick.risky,
          flagged: pick.flagged, harmless: pick.harmless, dressed: pick.dressed },
        conversations: { file: TALKS, caught: talks.caught, risky: talks.risky, flagged: talks.flagged, harmless: talks.harmless },
      };
    },
  };
}

let out;
if (flag === "--retrain") { // the shipped settings, no cross-validation: what a test compares
  const shipped = JSON.parse(read("extension/data/nudge-model.json"));
  const only = process.argv[4]; // one language, so a test can retrain the languages side by side
  const languages = Object.fromEntries(Object.entries(shipped.languages).filter(([l]) => !only || l === only)
    .map(([l, settings]) => [l, trainerFor(l).retrain(settings)]));
  out = { ...shipped, languages };
  console.log(JSON.stringify(out));
} else {
  out = {
    $comment: "Made by build/train_nudge_model.mjs from the tuning parts only; never edit by hand (a test retrains and compares).",
    made_by: "build/train_nudge_model.mjs",
    date: new Date().toISOString().slice(0, 10),
    languages: Object.fromEntries(Object.keys(PARTS).map((l) => [l, trainerFor(l).search()])),
  };
  if (flag !== "--check") writeFileSync(`${root}/extension/data/nudge-model.json`, JSON.stringify(out, null, 1) + "\n");
}
