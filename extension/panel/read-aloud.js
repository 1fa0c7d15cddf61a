// "Read it to me": reads the screen aloud with the device's own voices only. chrome.tts (Chromium)
// is offered only voices with remote === false; speechSynthesis (Firefox) only voices with
// localService === true, always set on the utterance so no default (possibly online) voice is used.
// Nothing is sent to a speech service. With no local voice in the panel's language, no button.
import { h } from "../lib/dom.js";
import { chosenLanguage, t } from "../lib/i18n.js";

const base = (tag) => String(tag ?? "").toLowerCase().split(/[-_]/)[0];
const uiLanguage = () => base(chosenLanguage());
const tts = globalThis.chrome?.tts?.getVoices ? chrome.tts : null;

function synthesisVoices() {
  const now = speechSynthesis.getVoices();
  if (now.length) return Promise.resolve(now);
  // Voices arrive late; if they never do, the button simply never appears.
  return new Promise((resolve) => speechSynthesis.addEventListener("voiceschanged", () => resolve(speechSynthesis.getVoices()), { once: true }));
}

// The local voices for the panel's language, best match (exact locale) first: [{name, lang, voice?}].
export async function localVoices() {
  let voices = [];
  if (tts) {
    voices = (await tts.getVoices()).filter((v) => v.remote === false).map((v) => ({ name: v.voiceName, lang: v.lang }));
  } else if (globalThis.speechSynthesis) {
    voices = (await synthesisVoices()).filter((v) => v.localService === true).map((v) => ({ name: v.name, lang: v.lang, voice: v }));
  }
  const exact = chosenLanguage().toLowerCase().replace("_", "-");
  return voices.filter((v) => v.name && base(v.lang) === uiLanguage())
    .sort((a, b) => (b.lang.toLowerCase() === exact) - (a.lang.toLowerCase() === exact));
}

let voicesOnce = null;
const voices = () => (voicesOnce ??= localVoices().catch(() => []));

// Speaks `text` with `voice`; calls onState("speaking" | "idle"). Returns a stop function.
function speak(text, voice, onState) {
  const done = new Set(["end", "interrupted", "cancelled", "error"]);
  if (tts) {
    tts.speak(text, { voiceName: voice.name, lang: voice.lang, onEvent: (e) => {
      if (e.type === "start") onState("speaking");
      else if (done.has(e.type)) onState("idle");
    } });
    return () => tts.stop();
  }
  const utterance = Object.assign(new SpeechSynthesisUtterance(text), { voice: voice.voice, lang: voice.lang });
  utterance.onstart = () => onState("speaking");
  utterance.onend = utterance.onerror = () => onState("idle");
  speechSynthesis.cancel();
  speechSynthesis.speak(utterance);
  return () => speechSynthesis.cancel();
}

// What the child sees on this screen, without the top bar's buttons.
function screenText() {
  const main = document.getElementById("panel");
  return [...main.children].filter((el) => !el.classList.contains("top")).map((el) => el.innerText).join("\n");
}

let stop = null;

export function readAloudControl() {
  stop?.(); // a new screen: stop reading the old one
  stop = null;
  const button = h("button", { type: "button", class: "read-aloud", hidden: true, "aria-pressed": "false",
    dataset: { state: "idle" } }, h("span", { "aria-hidden": "true" }, "🔊 "), t("readAloud"));
  const setState = (state) => {
    button.dataset.state = state;
    button.setAttribute("aria-pressed", String(state !== "idle"));
    if (state === "idle") stop = null;
  };
  button.addEventListener("click", async () => {
    if (stop) {
      stop();
      setState("idle");
      return;
    }
    const [voice] = await voices();
    if (!voice) return;
    setState("starting");
    stop = speak(screenText(), voice, setState);
  });
  voices().then((list) => { button.hidden = list.length === 0; });
  return button;
}
