"""The order invoke test hands test files to its processes (tests/conftest.py)."""

from collections import Counter


def heavy_first(items: list) -> None:
    """Files holding a `heavy` test come first (invoke test runs xdist with --no-loadscope-reorder,
    so files go out in this order): a two-minute test handed out last ran alone at the end while
    the other processes sat idle. The rest keep xdist's own order, the files with most tests first.
    Sorts in place and stably: a file's tests stay together and in their order."""
    heavy = {item.path for item in items if item.get_closest_marker("heavy")}
    size = Counter(item.path for item in items)
    items.sort(key=lambda item: (item.path not in heavy, -size[item.path]))
