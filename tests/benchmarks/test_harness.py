"""The benchmark harness counts what it says it counts (fast; no timing is asserted)."""

from __future__ import annotations

import random

from tests.benchmarks import search_bench
from tests.benchmarks.watchdog import StallLog, summary


def test_a_late_tick_is_a_stall_of_its_lateness_in_its_phase() -> None:
    log = StallLog(interval_ms=5)
    log.tick(0.000)
    log.tick(0.005)  # on time
    log.phase = "unlock"
    log.tick(0.305)  # 300 ms apart: 295 ms late
    assert log.lateness_ms == [0.0, 295.0]
    assert log.long == [(295.0, "unlock")]
    report = summary(log.lateness_ms, log.long)
    assert report["max_ms"] == 295.0
    assert report["over_50ms"] == 1
    assert report["worst"] == [[295.0, "unlock"]]


def test_skip_forgets_the_last_tick() -> None:
    log = StallLog(interval_ms=5)
    log.tick(0.0)
    log.skip()
    log.tick(10.0)
    assert log.lateness_ms == []


def test_a_typo_is_one_slip_away_from_the_word() -> None:
    rng = random.Random(1)
    for word in ("talking", "anxious", "volunteering"):
        typo = search_bench.typo_of(word, rng)
        assert typo != word
        assert abs(len(typo) - len(word)) <= 1
        assert sorted(typo) == sorted(word) or len(typo) != len(word)


def test_the_query_set_covers_every_kind_and_is_the_same_for_the_same_seed() -> None:
    texts = [
        "We talked about volunteering at the library and how sleep has been lately.",
        "Wren said the college course felt overwhelming; we planned one small step.",
    ] * 30
    args = (texts, ["M-001", "M-002"], ["Wren", "Wren Hedgerow"], ["Bramble", "Pip Moss"])
    first = search_bench.pick_queries(*args, finds_nothing=lambda q: True)
    again = search_bench.pick_queries(*args, finds_nothing=lambda q: True)
    assert first == again
    kinds = {q.kind for q in first}
    assert kinds == {
        "code", "mentee name", "person around", "prefix 2", "prefix 4-6",
        "phrase", "two words", "typo", "finds nothing",
    }  # fmt: skip
    assert all(len(q.text) == 2 for q in first if q.kind == "prefix 2")
    assert all(4 <= len(q.text) <= 6 for q in first if q.kind == "prefix 4-6")
    assert all(q.text.startswith('"') for q in first if q.kind == "phrase")


def test_ratios_are_per_query_and_split_by_the_window() -> None:
    def times(kind: str, windowed: bool, app: float, raw: float) -> search_bench.QueryTimes:
        t = search_bench.QueryTimes(search_bench.Query(kind, kind), windowed=windowed)
        t.app_ms, t.raw_ms, t.cold_ms = [app] * 3, [raw] * 3, app
        return t

    found = [
        times("a", True, 20.0, 10.0),  # ratio 2
        times("b", False, 1.0, 1.0),  # ratio 1
        times("c", False, 3.0, 2.0),  # ratio 1.5
    ]
    out = search_bench.summarise(found)
    assert out["search_ratio"] == 1.5  # the median of the three ratios, not of pooled times
    assert out["search_ratio_windowed"] == 2.0
    assert out["search_ratio_unwindowed"] == 1.25
    assert out["search_windowed_queries"] == 1


def test_best_cpu_ms_runs_every_round_and_reports_one_call() -> None:
    from tests.benchmarks.run import _best_cpu_ms

    calls: list[int] = []
    ms = _best_cpu_ms(lambda: calls.append(1), calls=4, rounds=3)
    assert len(calls) == 12
    assert ms >= 0.0
