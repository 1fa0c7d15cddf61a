"""Every word reaches the child (issue 20): a walk over every panel screen, run inside the panel's
frame in either browser, and the check that no screen shows a message key where its words belong
and every screen has the helpline number and "It's not your fault"."""

import json
import re

from tests.conftest import ROOT
from tests.e2e.test_countries_chromium import helpline

LOCALES = ROOT / "extension" / "_locales"
KEYS = set(json.loads((LOCALES / "en" / "messages.json").read_text(encoding="utf-8")))
SITUATIONS = json.loads((ROOT / "extension" / "data" / "situations.json").read_text())["situations"]

# In the panel: home, then each situation and back. Each screen's visible text, and the words of its
# labels and titles (where a key would also show, to a screen reader). Screens are drawn at a click.
WALK = """() => {
  const main = document.querySelector("main");
  const visible = (el) => el.checkVisibility({ visibilityProperty: true });
  const read = (name) => {
    const words = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) if (visible(walker.currentNode.parentElement)) words.push(walker.currentNode.data.trim());
    for (const el of document.body.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
      if (!visible(el)) continue;
      for (const a of ["aria-label", "title", "alt", "placeholder"]) if (el.getAttribute(a)) words.push(el.getAttribute(a));
    }
    return { name, text: main.innerText, words: words.filter(Boolean) };
  };
  const screens = [read("home")];
  const ids = [...main.querySelectorAll("button[data-situation]")].map((b) => b.dataset.situation);
  for (const id of ids) {
    main.querySelector(`button[data-situation='${id}']`).click();
    screens.push(read(id));
    main.querySelector("button.back").click();
  }
  screens.push(read("home again"));
  return screens;
}"""


def keys_in(words):
    """Message keys shown as words: a whole text that is a key, or a camelCase key among its words
    ("callHelpline openNow"). A plain word that happens to be a key ("back") counts only alone."""
    found = {w for w in words if w in KEYS}
    found |= {token for w in words for token in re.findall(r"\w+", w)
              if token in KEYS and (token != token.lower() or "_" in token)}
    return found


def locale_words(locale, key):
    return json.loads((LOCALES / locale / "messages.json").read_text(encoding="utf-8"))[key]["message"]


def problems(screens, code, locale):
    """What is wrong on each screen walked in the panel of country `code`: keys shown, or the
    helpline number or "It's not your fault" missing. {} when every word reached the child."""
    number = next(c["number"] for c in helpline(code).get("contacts", []) if c["type"] == "phone")
    reassurance = locale_words(locale, "reassurance")
    assert [s["name"] for s in screens] == ["home", *(s["id"] for s in SITUATIONS), "home again"]
    found = {}
    for screen in screens:
        wrong = sorted(keys_in(screen["words"]))
        wrong += [f"no {what}" for what, text in (("helpline number", number), ("reassurance", reassurance))
                  if text not in screen["text"]]
        if wrong:
            found[screen["name"]] = wrong
    return found
