"""invoke test hands the files holding a heavy test to its processes first (harness/suite_order.py)."""

from pathlib import Path
from types import SimpleNamespace

from harness.paths import ROOT
from harness.suite_order import heavy_first


def item(path, heavy=False):
    return SimpleNamespace(path=Path(path), get_closest_marker=lambda name: heavy and name == "heavy")


def test_heavy_files_come_first_and_every_file_stays_whole_and_in_order():
    items = [item("a.py"), item("b.py"), item("b.py"), item("c.py", heavy=False), item("c.py", heavy=True),
             item("d.py"), item("d.py"), item("d.py")]
    before = [id(i) for i in items]
    heavy_first(items)
    assert [i.path.name for i in items] == ["c.py", "c.py", "d.py", "d.py", "d.py", "b.py", "b.py", "a.py"]
    assert sorted(before) == sorted(id(i) for i in items)  # nothing lost or added
    assert items[0].get_closest_marker("heavy") is False and items[1].get_closest_marker("heavy")  # c in its order


def test_the_test_task_keeps_this_order():
    tasks = (ROOT / "tasks.py").read_text(encoding="utf-8")
    assert "--dist loadfile --no-loadscope-reorder" in tasks  # else xdist sorts files by their test count
