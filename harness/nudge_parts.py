"""The nudge sets' parts as the tests read them (tests/nudges/, a language's own folder beside
English's), and the one check that a report prints no sealed line."""

import json

from harness.paths import ROOT


def cases(language: str, part: str) -> list[dict]:
    """The rows of one part: lines, or conversations for a part named `conversations-...`."""
    folder = ROOT / "tests/nudges" / ("" if language == "en" else language)
    text = (folder / f"{part}.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def talks(language: str, part: str) -> list[dict]:
    return cases(language, f"conversations-{part}")


def sealed_lines_printed(report: str, language: str, sealed: list[str], talking: list[str]) -> int:
    """How many lines of the sealed parts (and of the conversations of those `talking`) the report
    shows: a count, so that a failure never prints one. A text the tuning part also holds ("ok", a
    short common line in a tuning conversation) may be printed for the tuning part, and says nothing."""
    tuning = {c["text"] for c in cases(language, "tune")} | {line for t in talks(language, "tune") for line in t["lines"]}
    lines = [c["text"] for part in sealed for c in cases(language, part)]
    lines += [line for part in talking for t in talks(language, part) for line in t["lines"]]
    return sum(line not in tuning and f"{line!r}" in report for line in lines)
