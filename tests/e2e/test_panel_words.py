"""Every word reaches the child (issue 20), in both browsers: the first panel opened after each
browser start shows words on every screen, never a message key (the keys were seen on the first
panel after a start, about one start in ten). Chromium walks it in English and French; Debian's
firefox-esr has no French language pack (and none can be fetched offline), so its UI, and Buoy's
locale, is always English here."""

import json
import re

import pytest

from harness.browsers import Child
from harness.driver.start import start_driver
from harness.help_data import helpline
from harness.paths import ROOT

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


# (language, zone, country, locale folder): one Chromium profile, started again and again as
# different children's browsers.
STARTS = [
    ("en-GB", "Europe/London", "GB", "en"),
    ("fr-CA", "America/Toronto", "CA", "fr"),
    ("en-US", "America/Chicago", "US", "en"),
    ("fr-FR", "America/Montreal", "CA", "fr"),
    ("en-AU", "Australia/Sydney", "AU", "en"),
]
# Each Firefox start is a new Firefox with Buoy just installed (a temporary add-on lasts one run),
# in English. Four, not five: a Firefox start costs about twice a Chromium one.
FIREFOX_STARTS = [
    ("en-GB", "Europe/London", "GB", "en"),
    ("en-US", "America/Chicago", "US", "en"),
    ("en-CA", "America/Toronto", "CA", "en"),
    ("en-AU", "Australia/Sydney", "AU", "en"),
]


@pytest.mark.heavy  # a browser started afresh several times, in each browser
def test_the_first_panel_after_each_start_shows_words_not_keys(kind, dist, server, tmp_path):
    starts = STARTS if kind == "chromium" else FIREFOX_STARTS
    found = {}
    for lang, zone, code, locale in starts:
        with start_driver(kind, dist, server.port, tmp_path / "profile", Child(zone, lang)) as buoy:
            panel = buoy.open_panel(buoy.open("https://discord.com/channels/1"))
            assert buoy.run(panel, "chrome.i18n.getUILanguage()").startswith(locale)
            assert buoy.run(panel, "document.querySelector('main').dataset.country") == code
            found[lang] = problems(buoy.call(panel, WALK), code, locale)
    assert found == {lang: {} for lang, *_ in starts}
