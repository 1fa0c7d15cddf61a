// Chat lines as chat apps draw them: the watcher (content/nudge-watch.js) reads a message as one
// line, with the sender's name, badges and the time around the words ("xX_sam_Xx — Today at
// 10:02 AM can u send a 📸"). The learned stage trains on copies of the tuning lines dressed this
// way (build/train_nudge_model.mjs) and eval-nudges measures on them (tools/eval_nudges.mjs).
// Measuring must not reuse what training saw: `held` adds layouts, badges and time formats that
// training never uses, and the two draw from different seeds. Names are made from syllables and
// digits, so no fixed list can be learnt.
// A conversation's messages arrive this far apart, when training and measuring alike read one.
export const LINE_GAP_MS = 20_000;

const SYLLABLES = ["sam", "ky", "lo", "mi", "ra", "jo", "zen", "ta", "bo", "lu", "ek", "vi", "dra", "no",
  "pix", "el", "ash", "fin", "ga", "mer", "ro", "tia", "ze", "kat", "ol", "by", "ma", "rex", "sho", "wen"];
const SHARED = {
  badge: ["Subscriber", "Moderator", "BOT", "Verified", "Lvl 12", "OP"],
  layout: [
    (p) => `${p.name} — ${p.day} ${p.clock} ${p.text}`,                      // Discord
    (p) => `${p.name} ${p.day} ${p.clock} ${p.text}${p.edited}`,             // Discord, grouped
    (p) => `${p.clock} ${p.badge} ${p.name}: ${p.text}`,                    // Twitch
    (p) => `${p.clock} ${p.name}: ${p.text}`,                               // Twitch, no badge
    (p) => `${p.text} ${p.clock}`,                                          // WhatsApp, own side
    (p) => `${p.name} ${p.text} ${p.clock}`,                                // WhatsApp group
    (p) => `[${p.clock}] <${p.name}> ${p.text}`,                            // IRC, The Lounge
    (p) => `[${p.name}]: ${p.text}`,                                        // Roblox
  ],
  day: ["Today at", "Yesterday at", ""],
  time: ["h:mm AM", "hh:mm", "M/D/YYYY h:mm AM"],
};
// Only for measuring: formats training never sees.
const HELD = {
  badge: ["VIP", "Admin", "Premium", "Founder"],
  layout: [
    (p) => `${p.name} ${p.text} ${p.clock}${p.edited}`,                     // Telegram
    (p) => `${p.name} ${p.ago} ${p.text}`,                                  // Instagram, TikTok
    (p) => `${p.badge} ${p.name} · ${p.clock} ${p.text}`,                   // forum-style
  ],
  day: ["Monday at", "Sunday at"],
  time: ["hh:mm:ss", "DD.MM.YY hh:mm"],
};
const EDITED = [" (edited)", " edited"];

// mulberry32: the same copies on every machine.
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * @param {number} seed
 * @param {{held?: boolean}} [options] held: also the formats training never sees
 * @returns {(text: string) => string} the line as a chat app draws it, a new draw each call
 */
export function decorator(seed, { held = false } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (low, high) => low + Math.floor(next() * (high - low + 1));
  const pad = (n) => String(n).padStart(2, "0");
  const formats = Object.fromEntries(Object.entries(SHARED).map(([k, v]) => [k, held ? [...v, ...HELD[k]] : v]));
  const name = () => {
    let out = "";
    for (let i = int(1, 3); i > 0; i--) out += pick(SYLLABLES);
    if (next() < 0.4) out += int(0, 2009);
    if (next() < 0.3) out = `${pick(["xX_", "_", "the"])}${out}${pick(["_Xx", "_", "YT"])}`;
    return next() < 0.3 ? out[0].toUpperCase() + out.slice(1) : out;
  };
  const clock = () => {
    const h = int(0, 23), m = pad(int(0, 59));
    const twelve = `${h % 12 || 12}:${m} ${h < 12 ? "AM" : "PM"}`;
    return {
      "h:mm AM": twelve,
      "hh:mm": `${pad(h)}:${m}`,
      "M/D/YYYY h:mm AM": `${int(1, 12)}/${int(1, 28)}/${int(2024, 2026)} ${twelve}`,
      "hh:mm:ss": `${pad(h)}:${m}:${pad(int(0, 59))}`,
      "DD.MM.YY hh:mm": `${pad(int(1, 28))}.${pad(int(1, 12))}.${int(24, 26)} ${pad(h)}:${m}`,
    }[pick(formats.time)];
  };
  return (text) => pick(formats.layout)({
    text, name: name(), badge: pick(formats.badge), day: pick(formats.day), clock: clock(),
    edited: next() < 0.2 ? pick(EDITED) : "", ago: `${int(1, 59)}${pick(["m", "h", "d", "w"])}`,
  }).replace(/ {2,}/g, " ");
}
