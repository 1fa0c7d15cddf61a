"""Gentle nudges in both browsers (issue 11), on the fixture chat: a risky line from someone else
shows the prompt and its Get help opens that situation's help; harmless lines, the child's own
typing and the child's own sent line don't; a dismissal holds for the conversation; turning nudges
off in the options takes the watcher out of open tabs without a reload. And (issue 15) a chat is read
as a person sees it, in fixtures that copy six chat apps' markup (tests/fixtures/chat-apps/): a name,
a badge or a time in its own element never merges with the message, an emoji <img> is read by its alt.

No waiting for something not to happen: each "doesn't" is proven by order. The watcher reads lines
in the order they arrive and nudges at most once, so when a harmless (or ignored) line of one kind
comes before a risky line of another kind, the help the prompt opens shows which line it was for."""

import json
import time
import uuid

import pytest

from harness.nudge_page import NUDGE_TEXT
from harness.paths import ROOT
from harness.waiting import wait_for

THREAT = "i have ur pics, pay me or i share them with everyone"  # -> picture-shared
ASKS = "can u send a selfie"  # -> wants-pictures
SECRET = "dont tell ur parents about me ok"  # -> scared
HARMLESS_PICTURES = "send a pic of ur build"  # shares the words of "wants-pictures", must stay quiet

# The chat-app fixtures (tests/fixtures/chat-apps/, issue 15), each served under its real host name;
# BOX is where the child types. The two lines are ones the current rules catch only when the page is
# read as a person sees it: "sam" glued onto "r u" (as textContent reads a name drawn in its own
# element) or an emoji drawn as an <img> and dropped. Twitch and Roblox draw emoji as text, and Twitch
# draws its own ": " after the name: there the lines pass on the old reading too, and show the new
# one keeps them.
APPS = {
    "discord": "https://discord.com/chat-apps/discord.html",
    "whatsapp": "https://web.whatsapp.com/chat-apps/whatsapp.html",
    "twitch": "https://www.twitch.tv/chat-apps/twitch.html",
    "telegram": "https://web.telegram.org/chat-apps/telegram.html",
    "instagram": "https://www.instagram.com/chat-apps/instagram.html",
    "roblox": "https://www.roblox.com/chat-apps/roblox.html",
}
BOX = "#box"
ELSEWHERE = "/chat-apps/elsewhere"  # another conversation in the same app, for the second line

CONTROL = "send me a pic of u now"  # -> wants-pictures, were a button read
NAMED = "r u home alone rn"  # -> scared, but "samr u home alone rn" -> nothing
EMOJI = "can u send a 📸"  # -> wants-pictures, but "can u send a" -> nothing


def say(buoy, tab, who, text):
    buoy.call(tab, "(who, text) => addMessage(who, text)", who, text)


def open_chat(buoy, path):
    tab = buoy.open(f"https://discord.com/channels/{path}")
    buoy.wait_for_button(tab)
    wait_for(lambda: buoy.watching(tab), message="nudge watcher running")
    return tab


def press_centre(buoy, tab, box):
    buoy.click(tab, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def help_opened_for(buoy, tab):
    """Get help pressed on the prompt: the situation whose help the panel then shows."""
    press_centre(buoy, tab, buoy.wait_for_nudge(tab)["help"])
    panel = buoy.wait_for_panel(tab)
    wait_for(lambda: buoy.situation(panel), message="a situation's help")
    return panel, buoy.situation(panel)


def test_risky_line_shows_the_prompt_and_get_help_opens_that_help(buoy):
    tab = open_chat(buoy, "nudge-help")
    buoy.click_in(tab, "#input")
    buoy.press(tab, *SECRET)  # typed, not sent: an <input>'s text is never read
    buoy.call(tab, "(text) => { document.getElementById('input').value = text; }", ASKS)
    buoy.press(tab, "Enter")  # sent: the page shows "me: can u send a selfie", the child's own line
    wait_for(lambda: "me: can u send a selfie" in buoy.read(tab, "#messages"), message="own line shown")
    say(buoy, tab, "sam", HARMLESS_PICTURES)
    # The app's own controls are not messages: a button the page adds is never read.
    buoy.call(tab, "(text) => document.getElementById('messages').append(Object.assign("
                   "document.createElement('button'), {textContent: text}))", CONTROL)
    say(buoy, tab, "stranger", THREAT)

    shown = buoy.wait_for_nudge(tab)
    assert all(shown[b]["width"] >= 44 and shown[b]["height"] >= 44 for b in ("help", "dismiss"))
    assert buoy.run(tab, "document.activeElement.id") == "input"  # the child keeps typing where they were
    panel, situation = help_opened_for(buoy, tab)
    assert situation == "picture-shared"  # not pictures asked for: the lines before were passed over
    steps = buoy.read(panel, "main .steps")
    assert "don't pay" in steps.lower(), steps
    assert buoy.nudge(tab) is None


def test_prompt_is_a_polite_status_in_the_situations_words(buoy):
    tab = open_chat(buoy, "nudge-words")
    say(buoy, tab, "stranger", THREAT)
    shown = buoy.wait_for_nudge(tab)
    assert shown["text"] == NUDGE_TEXT["picture-shared"]
    assert shown["role"] == "status" and shown["live"] == "polite"


def test_prompt_speaks_the_language_the_parent_chose(buoy):
    # The nudges' words are imported from the folder the button's words name (content/nudge-read.js):
    # French chosen in an English browser, so words that didn't arrive would read in English.
    french = json.loads((ROOT / "extension" / "_locales" / "fr" / "messages.json").read_text(encoding="utf-8"))
    buoy.extension("chrome.storage.sync.get('settings').then(s => chrome.storage.sync.set("
                   "{settings: {...s.settings, language: 'fr'}}))")
    try:
        wait_for(lambda: buoy.extension("chrome.scripting.getRegisteredContentScripts({ids: ['buoy-button']})"
                                        ".then(([s]) => s?.js[0] === 'content/locale/fr.js')"),
                 message="French words registered")
        tab = open_chat(buoy, "nudge-french")
        say(buoy, tab, "stranger", THREAT)
        assert buoy.wait_for_nudge(tab)["text"] == french["nudge_picture_shared"]["message"]
    finally:
        buoy.reset_settings()


def test_dismissal_is_respected_for_the_conversation(buoy):
    tab = open_chat(buoy, "nudge-dismiss")
    say(buoy, tab, "stranger", ASKS)
    buoy.wait_for_nudge(tab)

    # Keyboard: the prompt's buttons follow Buoy's button in the tab order, after the page's own.
    buoy.run(tab, "document.getElementById('send').focus()")
    buoy.press(tab, "Tab", "Tab", "Tab", "Enter")  # Buoy's button, Get help, Not now: pressed
    wait_for(lambda: buoy.nudge(tab) is None, message="nudge dismissed")
    assert buoy.panel(tab) is None  # it was "Not now", not "Get help"

    say(buoy, tab, "stranger", SECRET)  # same conversation, after a dismissal: passed over
    buoy.run(tab, "history.pushState(null, '', '/channels/nudge-elsewhere')")  # a new conversation
    say(buoy, tab, "stranger", THREAT)
    assert help_opened_for(buoy, tab)[1] == "picture-shared"  # not "scared"


def test_turning_nudges_off_takes_the_watcher_out_of_open_tabs(buoy):
    tab = open_chat(buoy, "nudge-off")
    options = buoy.open_extension_page("options/options.html", ready="#options[data-ready] #field-nudges")
    try:
        buoy.click_in(options, "#field-nudges")
        buoy.wait_for_setting("nudges", False)
        wait_for(lambda: not buoy.watching(tab), message="watcher gone from the open tab")
        say(buoy, tab, "stranger", SECRET)  # nothing reads it now

        fresh = buoy.open("https://discord.com/channels/nudge-off-fresh")  # opened while off: button, no watcher
        buoy.wait_for_button(fresh)
        assert not buoy.watching(fresh)
        buoy.close(fresh)

        buoy.click_in(options, "#field-nudges")  # back on: the open tab gets a watcher again, for new lines only
        wait_for(lambda: buoy.watching(tab), message="watcher back in the open tab")
        buoy.show(tab)
        say(buoy, tab, "stranger", THREAT)
        assert help_opened_for(buoy, tab)[1] == "picture-shared"  # not "scared": that line went unread
    finally:
        buoy.reset_settings()


def test_a_flood_beyond_the_watchers_budget_keeps_the_page_responsive_and_still_nudges(buoy):
    # More new lines at once than the watcher keeps (it drops the oldest): once, dropping looked up
    # the wrong thing and spun forever, freezing the chat page.
    tab = open_chat(buoy, f"nudge-flood-{uuid.uuid4().hex}")  # a rerun is a new conversation, not a quiet one
    buoy.run(tab, "(() => { for (let i = 0; i < 700; i++) addMessage('crowd', 'busy chat line ' + i); })()")
    lines = "new Promise((done) => setTimeout(() => done(document.querySelectorAll('#messages li').length), 50))"
    assert buoy.run(tab, lines) >= 700  # a frozen page never answers: pytest-timeout fails it
    say(buoy, tab, "stranger", THREAT)
    # The watcher skims a flood in idle slices, oldest first, so the last line waits behind the 500
    # it keeps: 5 to 10 s here (Chromium, Firefox) when every language's rules read every line.
    # Readiness, not speed: how long it takes is the bench's to say.
    buoy.wait_for_nudge(tab, timeout=40)
    assert help_opened_for(buoy, tab)[1] == "picture-shared"


def test_text_the_app_writes_into_its_own_controls_is_not_read(buoy):
    # A label the app changes inside its own button, text it adds under its navigation, or a control
    # inside a message (Discord draws the sender's name as a button) is the app's, not a message:
    # a new node is skipped when it or an ancestor is such a control (the watcher asks each parent
    # once a slice), and a message holding one is read around it. Read, the control line would
    # nudge "wants-pictures".
    tab = open_chat(buoy, f"nudge-controls-{uuid.uuid4().hex}")
    buoy.call(tab, """(text) => {
      document.getElementById("send").append(document.createTextNode(" " + text));
      const nav = document.body.appendChild(document.createElement("nav"));
      nav.append(document.createElement("span"));
      nav.firstChild.textContent = text;
      const message = document.createElement("li");
      message.innerHTML = "<h3><span role='button'></span> <time>9:14 PM</time></h3><div>nice build</div>";
      message.querySelector("[role=button]").textContent = text;
      document.getElementById("messages").append(message);
    }""", CONTROL)
    say(buoy, tab, "stranger", SECRET)
    assert help_opened_for(buoy, tab)[1] == "scared"


def test_history_arriving_as_one_block_is_read_message_by_message(buoy):
    # Chat apps load earlier messages as one block. Read whole it would be one line of 700
    # characters, cut to its first 600 before judging, and its longest message a harmless one: the
    # threat at its end would go unread. Past 600 characters an element is read child by child.
    tab = open_chat(buoy, f"nudge-history-{uuid.uuid4().hex}")
    harmless = [f"line {i}: we are building the big castle on the server tonight after school ok" for i in range(9)]
    buoy.call(tab, """(texts) => {
      const block = document.createElement("div");
      for (const text of texts) block.append(Object.assign(document.createElement("li"), { textContent: text }));
      document.getElementById("messages").append(block);
    }""", [*harmless, THREAT])
    assert help_opened_for(buoy, tab)[1] == "picture-shared"


def words(buoy, tab):
    return (buoy.nudge(tab) or {}).get("text")


WEAK = "what r u doing rn"  # a weak cue: not enough to nudge alone, enough read twice
# Each app that writes a new message into its chat list too: the line, where the list shows it, and
# how that ends as shown. Telegram Web writes the preview as a fragment, so an emoji image splits
# its text into pieces (innerText leaves the image out).
DRAWN_TWICE = {
    "whatsapp": (WEAK, "#pane-side [role=row]", WEAK),
    "telegram": (f"{WEAK} 👀", ".chatlist-chat.active .user-last-message", f"jo: {WEAK} "),
}


@pytest.mark.parametrize("app", DRAWN_TWICE)
def test_a_message_the_app_draws_twice_counts_once(buoy, app):
    # WhatsApp Web and Telegram Web write each new message into their chat list's row too, so a weak
    # cue was read twice and added up to a nudge of its own, for "what r u doing rn" from anyone
    # (in Telegram, its preview's text before the emoji, read as a piece of its own). Drawn twice, it
    # counts once: the first prompt is the named line's after it.
    line, preview, shown = DRAWN_TWICE[app]
    tab = buoy.open(APPS[app])
    buoy.wait_for_button(tab)
    wait_for(lambda: buoy.watching(tab), message="nudge watcher running")
    buoy.call(tab, "(line) => receive('jo', line)", line)
    assert buoy.read(tab, preview).endswith(shown)  # the open chat's row, with it
    # The watcher reads a chat once a second. Had the named line come at once, its row would have
    # replaced the weak line's before the watcher read it, and the test would show nothing; on a
    # machine slow enough for that to happen anyway, it passes without showing anything, never fails.
    time.sleep(3)
    buoy.call(tab, "(line) => receive('sam', line)", NAMED)
    wait_for(lambda: words(buoy, tab) == NUDGE_TEXT["scared"], message="the named line's nudge, first")


@pytest.mark.parametrize("app", APPS)
def test_a_chat_app_is_read_as_a_person_sees_it(buoy, app):
    # Per app, in one page: the child's own line and a harmless line pass; a line with the sender's
    # name right before it nudges "scared"; once dismissed, in another conversation, a line whose cue
    # is an emoji image nudges "wants-pictures".
    tab = buoy.open(APPS[app])
    buoy.wait_for_button(tab)
    wait_for(lambda: buoy.watching(tab), message="nudge watcher running")

    buoy.click_in(tab, BOX)
    buoy.press(tab, *ASKS, "Enter")  # the app shows it as the child's own message
    wait_for(lambda: buoy.call(tab, "(own) => document.body.innerText.includes(own)", ASKS), message="own line shown")
    buoy.call(tab, "(line) => receive('jo', line)", HARMLESS_PICTURES)
    buoy.call(tab, "(line) => receive('sam', line)", NAMED)
    wait_for(lambda: words(buoy, tab) == NUDGE_TEXT["scared"], message=f"{app}: nudge for the named line")
    press_centre(buoy, tab, buoy.nudge(tab)["dismiss"])  # one prompt at a time: "Not now", for this conversation only
    wait_for(lambda: buoy.nudge(tab) is None, message="nudge dismissed")

    buoy.call(tab, "(path) => history.pushState(null, '', path)", ELSEWHERE)
    buoy.call(tab, "(line) => receive('sam', line)", EMOJI)
    wait_for(lambda: words(buoy, tab) == NUDGE_TEXT["wants-pictures"], message=f"{app}: nudge for the emoji line")
