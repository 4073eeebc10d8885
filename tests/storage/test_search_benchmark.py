"""Slow benchmarks: a 50,000-session demo vault is written in under a minute and searched fast.

Run with ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -m slow -s
tests/storage/test_search_benchmark.py``; the measured numbers are printed. The search target
is relative (within 1.5x of a raw FTS5 snippet query on the same connection) and absolute
(p95 <= 20 ms for a top-50 search).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.demo import populate_demo
from mentorjournal.search_query import to_match_expression
from mentorjournal.storage import search
from mentorjournal.storage.connection import Connection, close_database, open_database
from mentorjournal.storage.schema import migrate

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]

KEY = bytes(range(32))
SESSIONS = 50_000
QUERIES = ("anx", "sleep", "college", '"box breathing"', "panic", "housing advice", "gran")
RUNS = 20
RAW_SQL = (
    "SELECT kind, record_id, mentee_id, day, title,"
    " snippet(search_index, -1, char(2), char(3), '…', 16), rank"
    " FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50"
)


class _Clock(ManualClock):
    def monotonic(self) -> float:
        return time.perf_counter()


@pytest.fixture(scope="module")
def big_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, float]]:
    path = tmp_path_factory.mktemp("big") / "journal.db"
    conn = open_database(path, KEY, create=True)
    migrate(conn)
    clock = _Clock(datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    summary = populate_demo(conn, mentees=50, sessions=SESSIONS, seed=1, clock=clock)
    close_database(conn)
    print(f"\ndemo: {SESSIONS} sessions written in {summary.seconds:.1f} s")
    yield path, summary.seconds


def _p95(fn: object, *args: object) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn(*args)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    times.sort()
    return times[int(0.95 * (RUNS - 1))] * 1000


def _measure(conn: Connection) -> list[tuple[str, float, float]]:
    rows = []
    for query in QUERIES:
        expression = to_match_expression(query)
        ours = _p95(search.search, conn, query)
        raw = _p95(lambda e: conn.execute(RAW_SQL, (e,)).fetchall(), expression)
        rows.append((query, ours, raw))
        print(f"{query!r:18} search p95 {ours:7.1f} ms   raw FTS5 p95 {raw:7.1f} ms")
    return rows


def test_fifty_thousand_demo_sessions_are_written_within_a_minute(
    big_vault: tuple[Path, float],
) -> None:
    assert big_vault[1] < 60


def test_search_keeps_pace_with_a_raw_fts5_query(big_vault: tuple[Path, float]) -> None:
    conn = open_database(big_vault[0], KEY)  # as the app opens it (with its quick check)
    try:
        rows = _measure(conn)
    finally:
        close_database(conn)
    for query, ours, raw in rows:
        assert ours <= 1.5 * raw + 2, query


def test_search_answers_top_50_within_20_ms(big_vault: tuple[Path, float]) -> None:
    conn = open_database(big_vault[0], KEY)
    try:
        rows = _measure(conn)
    finally:
        close_database(conn)
    assert max(ours for _q, ours, _raw in rows) <= 20
