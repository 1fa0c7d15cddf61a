"""Split the independent nudge evaluation set once into a tuning part and a sealed part (issue 15).

Run once, on the writers' folders (each with `lines.jsonl` and `conversations.jsonl`, written by
helpers who never saw the rules), by whoever does NOT tune the rules:

    python -m tools.split_nudge_set WRITERS_DIR [LANGUAGE]
    python -m tools.split_nudge_set --train WRITERS_DIR [LANGUAGE]   # later writers: all to tuning
    python -m tools.split_nudge_set --app-text WRITERS_DIR   # chat apps' own text, split once
    python -m tools.split_nudge_set --new-hand WRITERS_DIR [LANGUAGE]   # later writers: all sealed, once each

English parts go to tests/nudges/, another language's to tests/nudges/<language>/. It prints only
counts. Within each writer and label, lines (each text once, and none the old sets
hold already) are shuffled with a fixed seed and 40 %
go to the tuning part; the rest are sealed. The old hand-written sets join the tuning part, as the
issue asks. Kept in the repository as the record of how the parts were made.
"""

import json
import random
import sys
from collections import Counter
from pathlib import Path

NUDGES = Path(__file__).resolve().parent.parent / "tests" / "nudges"
SEED = 20261203
TUNE_SHARE = 0.4
APP_TEXT = "sealed-app-text"  # the sealed part of chat apps' own text (split_app_text)
NEW_HAND = "sealed-new-hand"  # a sealed part whose writers wrote no tuning line (seal_new_hand)


def _read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _write(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _append(path: Path, rows: list[dict]) -> None:
    _write(path, (_read(path) if path.exists() else []) + rows)


def _same_text(text: str) -> str:
    """Two lines that differ only in case or spacing are one text."""
    return " ".join(text.lower().split())


def _writers_lines(writers_dir: Path) -> list[dict]:
    """Every writer's lines as the parts hold them, in writer order (`set` is the writer's folder;
    the first writers called a line's style `style`, later ones `note`)."""
    return [{"text": r["text"], "move": r["move"], **({"also": r["also"]} if r.get("also") else {}),
             "note": r.get("note", r.get("style", "plain")), "set": writer.name,
             **({"app": r["app"]} if r.get("app") else {})}
            for writer in sorted(p for p in writers_dir.iterdir() if (p / "lines.jsonl").exists())
            for r in _read(writer / "lines.jsonl")]


def _writers_talks(writers_dir: Path) -> list[dict]:
    """Every writer's conversations as the parts hold them, in writer order."""
    return [{"lines": r["lines"], "risky": r["risky"], "set": writer.name}
            for writer in sorted(p for p in writers_dir.iterdir() if (p / "conversations.jsonl").exists())
            for r in _read(writer / "conversations.jsonl")]


def _parts(language: str) -> Path:
    """Where a language's parts are: tests/nudges/ for English, tests/nudges/<language>/ for the others."""
    return NUDGES if language == "en" else NUDGES / language


def _held(language: str = "en") -> set[str]:
    """Every text the language's tuning and sealed parts hold (as _same_text compares them)."""
    out = _parts(language)
    return {_same_text(r["text"]) for part in ("tune", "sealed", NEW_HAND) if (out / f"{part}.jsonl").exists()
            for r in _read(out / f"{part}.jsonl")}


def _sealed_texts(language: str) -> set[str]:
    """Every text the language's sealed parts hold, its lines and its conversations' lines."""
    out = _parts(language)
    texts = {r["text"] for part in ("sealed", NEW_HAND) if (out / f"{part}.jsonl").exists() for r in _read(out / f"{part}.jsonl")}
    texts |= {x for part in ("sealed", NEW_HAND) if (out / f"conversations-{part}.jsonl").exists()
              for t in _read(out / f"conversations-{part}.jsonl") for x in t["lines"]}
    return {_same_text(x) for x in texts}


def _unseen(rows: list[dict], held: set[str]) -> list[dict]:
    """The rows whose text `held` lacks, each text once: a line two writers (or one writer twice)
    wrote, or a part holds already, lands in one part only. Adds what it keeps to `held`."""
    kept = []
    for row in rows:
        key = _same_text(row["text"])
        if key not in held:
            held.add(key)
            kept.append(row)
    return kept


def _split(rows: list[dict], key) -> tuple[list[dict], list[dict]]:
    """Stratified by key(row): the same share of every writer's every label goes to tuning."""
    rng = random.Random(SEED)
    groups: dict = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    tune, sealed = [], []
    for name in sorted(groups, key=str):
        group = groups[name]
        rng.shuffle(group)
        cut = round(len(group) * TUNE_SHARE)
        tune += group[:cut]
        sealed += group[cut:]
    return tune, sealed


def split(writers_dir: Path, language: str = "en") -> dict:
    out = _parts(language)
    out.mkdir(exist_ok=True)
    old = [{**r, "set": "2026-11"} for part in ("held", "tune") if (out / f"{part}.jsonl").exists()
           for r in _read(out / f"{part}.jsonl")]
    unique = _unseen(_writers_lines(writers_dir), {_same_text(r["text"]) for r in old})
    tune, sealed = _split(unique, lambda r: (r["set"], r["move"]))
    conv_tune, conv_sealed = _split(_writers_talks(writers_dir), lambda r: (r["set"], r["risky"]))
    _write(out / "tune.jsonl", old + tune)
    _write(out / "sealed.jsonl", sealed)
    _write(out / "conversations-tune.jsonl", conv_tune)
    _write(out / "conversations-sealed.jsonl", conv_sealed)
    (out / "held.jsonl").unlink(missing_ok=True)
    return {"tune": Counter(r["move"] or "harmless" for r in old + tune),
            "sealed": Counter(r["move"] or "harmless" for r in sealed),
            "conversations": {"tune": len(conv_tune), "sealed": len(conv_sealed)}}


def add_to_tuning(writers_dir: Path, language: str = "en") -> dict:
    """Lines (and conversations) from writers who came after the split join the tuning part of their
    language whole, as more to learn from; the sealed part stays as it was made, so its figures
    still compare. A text either part holds already is left out (compared, never shown)."""
    out = _parts(language)
    lines = _writers_lines(writers_dir)
    added = _unseen(lines, _held(language))
    _append(out / "tune.jsonl", added)
    # A conversation holding a text a sealed part holds would print it among the tuning part's misses.
    sealed = _sealed_texts(language)
    talks = [t for t in _writers_talks(writers_dir) if not sealed & {_same_text(x) for x in t["lines"]}]
    _append(out / "conversations-tune.jsonl", talks)
    return {"added": Counter(r["move"] or "harmless" for r in added), "already held": len(lines) - len(added),
            "conversations": len(talks)}


def split_app_text(writers_dir: Path) -> dict:
    """The text chat apps draw among the messages ("This message was deleted", "Missed video call"),
    collected by a writer from the apps' own strings and help pages: never risky, and read by the
    watcher like any message. Split once like the first writers' lines: 40 % joins the tuning part
    as harmless lines, the rest is its own sealed part, whose false alarms are counted apart."""
    lines = _writers_lines(writers_dir)
    risky = next((row for row in lines if row["move"] is not None), None)
    if risky:
        raise ValueError(f"app text is never risky: {risky['set']} has a line with a move")
    rows = _unseen(lines, _held())
    tune, sealed = _split(rows, lambda r: r["set"])
    _append(NUDGES / "tune.jsonl", tune)
    _write(NUDGES / f"{APP_TEXT}.jsonl", sealed)
    return {"tune": len(tune), APP_TEXT: len(sealed), "already held": len(lines) - len(rows)}


def seal_new_hand(writers_dir: Path, language: str = "en") -> dict:
    """Writers who came after the split, whose lines and conversations are all sealed: the first
    writers each had lines in both parts, so the sealed part's figures are for hands the learned
    stage has read. This part's are for hands it never read, as a child's chat would be. A text
    any part of the language holds already is left out (compared, never shown)."""
    out = _parts(language)
    lines = _writers_lines(writers_dir)
    sealed = _unseen(lines, _held(language))
    talks = _writers_talks(writers_dir)
    _append(out / f"{NEW_HAND}.jsonl", sealed)  # added to what earlier new hands left there
    _append(out / f"conversations-{NEW_HAND}.jsonl", talks)
    return {NEW_HAND: Counter(r["move"] or "harmless" for r in sealed), "already held": len(lines) - len(sealed),
            "conversations": len(talks)}


if __name__ == "__main__":
    if sys.argv[1] == "--train":
        print(json.dumps(add_to_tuning(Path(sys.argv[2]), *sys.argv[3:4]), indent=1))
    elif sys.argv[1] == "--app-text":
        print(json.dumps(split_app_text(Path(sys.argv[2])), indent=1))
    elif sys.argv[1] == "--new-hand":
        print(json.dumps(seal_new_hand(Path(sys.argv[2]), *sys.argv[3:4]), indent=1))
    else:
        print(json.dumps(split(Path(sys.argv[1]), *sys.argv[2:3]), indent=1))
