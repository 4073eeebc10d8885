"""The benchmark statistics are right (benchmarks themselves never run as timed assertions)."""

from __future__ import annotations

from tests.benchmarks.stats import median, percentile, ratio


def test_percentile_nearest_rank() -> None:
    values = list(range(1, 101))
    assert percentile(values, 95) == 95
    assert percentile(values, 100) == 100
    assert percentile([3.0], 95) == 3.0


def test_median_and_ratio() -> None:
    assert median([3, 1, 2]) == 2
    assert ratio(1.5, 1.0) == 1.5
