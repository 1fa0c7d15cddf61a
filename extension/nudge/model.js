// The learned stage (issue 15): a linear model over a line's hashed features (features.js), one
// row of weights for each class (harmless and the moves), trained at build time by
// build/train_nudge_model.mjs into data/nudge-model.json. Int8 weights, one scale per class.
import { features } from './features.js';

function decode(base64) {
    const bytes = Uint8Array.from(atob(base64), ch => ch.charCodeAt(0));
    return new Int8Array(bytes.buffer);
}

/**
 * @param {{bits: number, classes: string[], scales: number[], bias: number[], weights: string}} model
 *   one language of data/nudge-model.json; weights is base64 of classes x 2**bits int8, class-major
 * @returns {(line: string) => Float64Array} each class's probability for a read line
 */
export function loadModel(model) {
    const size = 1 << model.bits;
    const weights = decode(model.weights);
    const k = model.classes.length;
    if (weights.length !== k * size) throw new Error(`nudge model: ${weights.length} weights, expected ${k * size}`);
    return function probabilities(line) {
        const found = features(line, model.bits);
        const norm = found.length ? 1 / Math.sqrt(found.length) : 0;
        const z = new Float64Array(k);
        let top = -Infinity;
        for (let c = 0; c < k; c++) {
            let sum = 0;
            const row = c * size;
            for (const f of found) sum += weights[row + f];
            z[c] = model.bias[c] + model.scales[c] * sum * norm;
            if (z[c] > top) top = z[c];
        }
        let total = 0;
        for (let c = 0; c < k; c++) { z[c] = Math.exp(z[c] - top); total += z[c]; }
        for (let c = 0; c < k; c++) z[c] /= total;
        return z;
    };
}
