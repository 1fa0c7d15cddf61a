"""A release's version must agree in three places: the manifest, the CHANGELOG's top entry and the
git tag on the commit being released. Nothing here bumps a version: a person does, on purpose."""

import re
import subprocess
from pathlib import Path

ENTRY = re.compile(r"^## +v?(\d+(?:\.\d+)*)(.*)$", re.M)
VERSION_TAG = re.compile(r"v?\d+(?:\.\d+)*")


class ReleaseError(Exception):
    """Why a release can't go ahead, in words a maintainer can act on."""


def changelog_top(text: str) -> tuple[str, str]:
    """The top entry's version and the rest of its heading ("(unreleased)", a date...)."""
    match = ENTRY.search(text)
    if not match:
        raise ReleaseError("CHANGELOG.md has no version entry (a line like '## 0.1.0 (2026-12-03)')")
    return match.group(1), match.group(2).strip()


def tags_at_head(root: Path) -> list[str]:
    """The tags on the checked-out commit; none outside a git checkout."""
    result = subprocess.run(["git", "tag", "--points-at", "HEAD"], cwd=root, capture_output=True, text=True)
    return result.stdout.split() if result.returncode == 0 else []


def check_version(manifest_version: str, changelog: str, tags: list[str], *, untagged: bool = False) -> str:
    """The version being released, or ReleaseError listing every disagreement. `untagged` is a dry
    run: no tag is needed (a tag for another version still fails), nor a dated CHANGELOG entry."""
    problems = []
    top, heading = changelog_top(changelog)
    if top != manifest_version:
        problems.append(f"extension/manifest.json says {manifest_version} but the CHANGELOG's top entry is {top}: "
                        "give the release one version in both")
    wanted = f"v{manifest_version}"
    versions = [t for t in tags if VERSION_TAG.fullmatch(t)]
    others = [t for t in versions if t.lstrip("v") != manifest_version]
    if others:
        problems.append(f"this commit is tagged {', '.join(others)} but extension/manifest.json says {manifest_version}")
    elif not versions and not untagged:
        problems.append(f"this commit has no tag {wanted}: tag the release commit (git tag {wanted}), "
                        "or pass --untagged for a dry run")
    if not untagged and "unreleased" in heading.lower():
        problems.append(f"the CHANGELOG's top entry still says {heading!r}: give it the release date")
    if problems:
        raise ReleaseError("\n".join(problems))
    return manifest_version
