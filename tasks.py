"""Buoy's tasks: thin verbs over plain functions in build/. `invoke --list` shows them."""

from pathlib import Path

from invoke import Collection, task

ROOT = Path(__file__).parent


@task
def build(c):
    """Validate the data, then write dist/chromium/, dist/firefox/ and the store zips."""
    from build.package import build_all

    for path in build_all(ROOT):
        print(path.relative_to(ROOT))


@task
def icons(c):
    """Redraw extension/icons/ from build/icons.py."""
    from build.icons import write_icons

    write_icons(ROOT / "extension" / "icons")


@task(build)
def lint(c):
    """ruff on the Python, ESLint on the JavaScript, Mozilla's addons-linter on the Firefox build."""
    c.run("ruff check build harness tools tests tasks.py")
    c.run("npx --no-install eslint .")  # eslint.config.mjs: one block a folder
    c.run("npx --no-install addons-linter dist/firefox")  # as AMO runs it on upload (not --self-hosted)


@task(build)
def test(c, k="", browser="", workers=3):
    """Build, then run every test (-k to select; --browser chromium|firefox for one browser's e2e).
    Test files run on `workers` processes, a file's tests in one (they share its browsers); most of
    a browser test is waiting: on the 2-core machine two left the cores a third idle, three keep them busy. Tests marked `alone` (they
    change something every browser on the machine reads) run afterwards, by themselves."""
    only = f" and {browser}" if browser else ""
    selection = f" -k {k!r}" if k else ""
    nothing_selected = 5  # pytest's exit code when a selection leaves no test in a run
    for run in (f"-n {workers} --dist loadfile --no-loadscope-reorder -m 'not alone{only}'", f"-m 'alone{only}'"):
        result = c.run(f"python -m pytest -q {run}{selection}", pty=False, warn=True)
        if result.exited not in (0, nothing_selected):
            raise SystemExit(result.exited)


@task(build)
def screenshots(c):
    """Take the README's pictures (docs/images/) from the real build in real Chromium."""
    from tools.screenshots import take_screenshots

    for path in take_screenshots(ROOT):
        print(path.relative_to(ROOT))


@task(build, help={"chat_rounds": "rounds of each busy chat; 0 measures page loads only (quicker, while exploring)",
                   "against": "another build's dist/chromium folder, measured as \"before\" in the same rounds"})
def bench(c, rounds=15, chat_rounds=4, chat_seconds=10, out="dist/bench.json", against=None):
    """Build, then measure Buoy beside no extension, an empty content script and a minimal button."""
    from tools.bench.run import run_bench

    result = run_bench(ROOT, rounds=rounds, chat_rounds=chat_rounds, chat_seconds=chat_seconds, out=ROOT / out,
                       against=Path(against).resolve() if against else None)
    print(result["markdown"])
    print(f"\nwritten to {out}")


@task(help={"untagged": "a dry run: no git tag v<version> or dated CHANGELOG entry needed"})
def release(c, untagged=False):
    """Check version, CHANGELOG and tag agree; build; write checksums and dist/store/<store>/ for each store."""
    from build.release import release as make_release
    from build.release_version import ReleaseError
    from tools.store_shots import take_language

    try:
        written = make_release(ROOT, take_language, untagged=untagged)
    except ReleaseError as error:
        raise SystemExit(f"release stopped:\n{error}") from None
    for path in written:
        print(path.relative_to(ROOT))


@task(help={"in_page": "also build, and read the sealed lines in each chat-app fixture's markup in Chromium, as the watcher does"})
def eval_nudges(c, in_page=False):
    """Recall and false alarms per nudge move and language: the tuning part in full, the sealed part as counts only (needs node)."""
    from tools.eval_nudges import report_all

    print(report_all(ROOT))
    if in_page:
        from tools import eval_nudges_page

        build(c)
        print("\n" + eval_nudges_page.format_report(eval_nudges_page.evaluate(ROOT)))


# One word list a language of data/nudges.json, as scripts/setup.sh installs them; by their own names,
# since /usr/share/dict/words is whichever list Debian chose as the default.
DICTIONARIES = {"en": "/usr/share/dict/american-english", "fr": "/usr/share/dict/french", "es": "/usr/share/dict/spanish"}


@task
def nudge_data(c):
    """Remake the nudges' made data from the tuning part: real words near cues, then the learned stage (minutes)."""
    pairs = " ".join(f"{language}={path}" for language, path in DICTIONARIES.items())
    c.run(f"node build/nudge_typos.mjs {ROOT} {pairs}")
    c.run(f"node build/train_nudge_model.mjs {ROOT}")


@task
def eval_peer(c):
    """Score the nudge sets with a Sentinel-style peer beside Buoy's rules (needs requirements-peer.txt and node)."""
    import os

    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as an extension gets; set before numpy loads
    from tools.eval_nudges import evaluate as evaluate_buoy
    from tools.eval_peer import evaluate, format_report

    print(format_report(evaluate(ROOT), evaluate_buoy(ROOT, timing=False)))


@task
def check_links(c):
    """Fetch every URL in extension/data/ and report status and redirects (needs the internet)."""
    from tools.check_links import main

    if main([]):
        raise SystemExit(1)


ns = Collection(build, release, screenshots, icons, lint, test, bench, eval_nudges, eval_peer, nudge_data, check_links)
