"""Medians and spread of per-round differences: the only way noisy browser timings compare."""

from statistics import median, quantiles


def summary(values: list[float]) -> dict:
    """median, interquartile range (q1, q3) and the values themselves (None when measured nothing)."""
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "q1": None, "q3": None, "n": 0, "values": []}
    q1, _, q3 = quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    return {"median": median(values), "q1": q1, "q3": q3, "n": len(values), "values": values}


def paired(a: list[float], b: list[float]) -> dict:
    """Per-round a - b (the same round of both), summarised."""
    return summary([x - y for x, y in zip(a, b, strict=True)])
