"""invoke release checks that the manifest, the CHANGELOG's top entry and the git tag agree, and says
what to fix when they don't. Tags come from a temporary git repo or are passed in, never this repo's."""

import subprocess

import pytest

from build.package import version
from build.release import release
from build.release_version import ReleaseError, changelog_top, check_version, tags_at_head
from build.store_listing import placeholders
from harness.paths import ROOT

DATED = "# Changelog\n\n## 0.2.0 (2026-12-03)\n\n- Something.\n\n## 0.1.0 (2026-11-01)\n"
UNRELEASED = DATED.replace("(2026-12-03)", "(unreleased)")


def test_a_release_whose_three_versions_agree_goes_ahead():
    assert check_version("0.2.0", DATED, ["v0.2.0"]) == "0.2.0"
    assert check_version("0.2.0", DATED, ["0.2.0", "latest"]) == "0.2.0"


def test_manifest_and_changelog_disagreeing_is_named():
    with pytest.raises(ReleaseError, match="manifest.json says 0.3.0 but the CHANGELOG's top entry is 0.2.0"):
        check_version("0.3.0", DATED, ["v0.3.0"])


def test_a_commit_without_a_tag_needs_one_or_a_dry_run():
    with pytest.raises(ReleaseError, match=r"no tag v0.2.0: tag the release commit \(git tag v0.2.0\), or pass --untagged"):
        check_version("0.2.0", DATED, [])
    assert check_version("0.2.0", DATED, [], untagged=True) == "0.2.0"


def test_a_tag_for_another_version_fails_even_in_a_dry_run():
    for untagged in (False, True):
        with pytest.raises(ReleaseError, match="tagged v0.1.9 but extension/manifest.json says 0.2.0"):
            check_version("0.2.0", DATED, ["v0.1.9"], untagged=untagged)


def test_an_unreleased_top_entry_is_only_for_dry_runs():
    with pytest.raises(ReleaseError, match="still says '\\(unreleased\\)': give it the release date"):
        check_version("0.2.0", UNRELEASED, ["v0.2.0"])
    assert check_version("0.2.0", UNRELEASED, [], untagged=True) == "0.2.0"


def test_every_problem_is_listed_at_once():
    with pytest.raises(ReleaseError) as error:
        check_version("0.3.0", UNRELEASED, [])
    assert len(str(error.value).splitlines()) == 3


def test_a_changelog_without_a_version_entry_is_refused():
    with pytest.raises(ReleaseError, match="no version entry"):
        changelog_top("# Changelog\n\nNothing yet.\n")


def test_this_repositorys_manifest_and_changelog_agree():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog_top(changelog)[0] == version(ROOT / "extension")
    assert check_version(version(ROOT / "extension"), changelog, [], untagged=True)


def test_tags_are_read_from_the_checked_out_commit(tmp_path):
    def git(*args):
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args], cwd=tmp_path, check=True,
                       capture_output=True)

    assert tags_at_head(tmp_path) == []  # not a git checkout
    git("init", "-q")
    git("commit", "-q", "--allow-empty", "-m", "one")
    git("tag", "v1.2.0")
    git("commit", "-q", "--allow-empty", "-m", "two")
    assert tags_at_head(tmp_path) == []  # the tag is on the commit before
    git("tag", "v1.2.1")
    assert tags_at_head(tmp_path) == ["v1.2.1"]


def test_placeholder_links_are_found():
    listing = {"links": {"homepage": "REPLACE with the address", "support": "https://example.org/issues"}}
    assert placeholders(listing) == ["homepage"]


def test_release_says_everything_to_fix_before_building_anything(tmp_path, monkeypatch):
    monkeypatch.setattr("build.release.load_listing", lambda: {"links": {"homepage": "REPLACE with the address"}})
    (tmp_path / "extension").mkdir()
    (tmp_path / "extension" / "manifest.json").write_text('{"version": "0.2.0"}')
    (tmp_path / "CHANGELOG.md").write_text(DATED)
    with pytest.raises(ReleaseError) as error:
        release(tmp_path, None)  # not a git checkout: no tag
    assert "no tag v0.2.0" in str(error.value)
    assert "placeholder links (homepage)" in str(error.value)
    assert not (tmp_path / "dist").exists()
