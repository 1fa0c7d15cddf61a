// The learned stage (issue 15): a linear model over a line's hashed features (features.js), one
// weight per feature and class (harmless and the moves), trained at build time by
// build/train_nudge_model.mjs into data/nudge-model.json. Int8 weights, one scale per class, stored
// feature by feature so a feature's weights for every class are read together.
import { features } from "./features.js";

function decode(base64) {
  const text = atob(base64);
  const bytes = new Int8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i); // 128..255 wrap to negatives
  return bytes;
}

/**
 * @param {{bits: number, classes: string[], scales: number[], bias: number[], weights: string}} model
 *   one language of data/nudge-model.json; weights is base64 of 2**bits x classes int8
 * @returns {(words: string) => Float64Array} each class's probability for a read line's modelText
 */
export function loadModel(model) {
  const size = 1 << model.bits;
  const weights = decode(model.weights);
  const k = model.classes.length;
  if (weights.length !== k * size) throw new Error(`nudge model: ${weights.length} weights, expected ${k * size}`);
  return function probabilities(words) {
    const found = features(words, model.bits);
    const norm = found.length ? 1 / Math.sqrt(found.length) : 0;
    const z = new Float64Array(k);
    for (const f of found) {
      const row = f * k;
      for (let c = 0; c < k; c++) z[c] += weights[row + c];
    }
    let top = -Infinity;
    for (let c = 0; c < k; c++) {
      z[c] = model.bias[c] + model.scales[c] * z[c] * norm;
      if (z[c] > top) top = z[c];
    }
    let total = 0;
    for (let c = 0; c < k; c++) { z[c] = Math.exp(z[c] - top); total += z[c]; }
    for (let c = 0; c < k; c++) z[c] /= total;
    return z;
  };
}
