"""Messages to the background (issue 16), held together as Refined GitHub's features.test.ts holds its
features: every name is in the one catalogue (lib/ask.js), has exactly one handler in the one table
(background/messages.js) and is sent somewhere; pages send only through ask(), and content scripts,
which can't import, only names in the catalogue."""

import re

from harness.paths import ROOT

EXT = ROOT / "extension"
CATALOGUE = (EXT / "lib" / "ask.js").read_text()
TABLE = (EXT / "background" / "messages.js").read_text()
CODE = {str(p.relative_to(EXT)): p.read_text() for p in EXT.rglob("*.js")}

NAMES = dict(re.findall(r'^\s*(\w+): "([\w:-]+)",', CATALOGUE, re.M))  # key -> the name sent
HANDLED = re.findall(r"^\s*\[MESSAGE\.(\w+)\]: \{", TABLE, re.M)
ASKED = {path: re.findall(r"\bask\(MESSAGE\.(\w+)", source) for path, source in CODE.items()}
# A content script's message, written out: { type: "quickexit:go" }.
LITERAL = {path: re.findall(r'sendMessage\(\{ type: "([^"]+)"', source) for path, source in CODE.items()
           if path.startswith("content/")}


def test_the_catalogue_is_read():
    assert len(NAMES) >= 7 and NAMES["quickExit"] == "quickexit:go"
    assert len(set(NAMES.values())) == len(NAMES), "two keys for one name"


def test_every_name_has_exactly_one_handler_and_every_handler_a_name():
    assert sorted(HANDLED) == sorted(NAMES), "the table and the catalogue differ (or a name is handled twice)"
    # Nothing answered outside the table: no second listener, no handlers added from other files.
    listeners = [p for p, s in CODE.items() if "runtime.onMessage.addListener" in s]
    assert listeners == ["background/messages.js"]
    assert not re.search(r'^\s*"[\w:-]+": \{', TABLE, re.M), "a handler keyed by a bare string, not MESSAGE.x"


def test_every_name_is_sent_and_everything_sent_is_a_name():
    sent = {key for keys in ASKED.values() for key in keys}
    written = {name for names in LITERAL.values() for name in names}
    assert sent <= set(NAMES), sent - set(NAMES)
    assert written <= set(NAMES.values()), written - set(NAMES.values())
    unsent = {key for key, name in NAMES.items() if key not in sent and name not in written}
    assert unsent == set(), f"handled but never sent: {unsent}"


def test_pages_send_only_through_ask():
    senders = sorted(p for p, s in CODE.items() if "runtime.sendMessage(" in s)
    assert [p for p in senders if not p.startswith("content/")] == ["lib/ask.js"]
    # Each content script's sends are all written as { type: "..." }, so the test above sees them.
    for path in senders:
        if path.startswith("content/"):
            assert CODE[path].count("runtime.sendMessage(") == len(LITERAL[path]), path
