"""Search, like for like: the app's search beside a raw SQLCipher query doing the same work.

The raw baseline is written here, not imported from the app, so a slower query in the app
cannot make its own baseline slower too. It does what a search must do for the screen: find
the ranking window's floor when the vault holds more records than the window, rank the
matches above it with bm25 and the app's column weights, keep the best ``LIMIT``, make their
16-token highlighted snippets and join the mentee's code. What remains between the two is the
app's own cost: its Python layers, the stale-draft check, building the hits.

The query set is sampled with a fixed seed from the whole vault, as a mentor types: mentee
codes, names of mentees and of the people around them, 2-letter and 4-6-letter prefixes (what
search-as-you-type sends mid-word), real phrases, two-word queries, typos and queries that find
nothing. Each query's first run is reported apart from its repeats (a mentor's first search for
a word finds the pages cold); repeats interleave app and raw, alternating which goes first.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tests.benchmarks.stats import median, percentile, ratio, timed

WINDOW = 5000
LIMIT = 50
SNIPPET_TOKENS = 16
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
SEED = 19
REPEATS = 4

RAW_FLOOR_SQL = (
    "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
)
#: Rank ids and scores first (no text read), then snippets and codes for the best 50 only.
RAW_SEARCH_SQL = f"""
WITH best AS MATERIALIZED (
    SELECT rowid AS doc, bm25(search_index, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score
    FROM search_index WHERE search_index MATCH :q AND rowid > :floor
    ORDER BY score LIMIT {LIMIT}
)
SELECT s.kind, s.record_id, s.mentee_id, s.day, s.title,
       snippet(search_index, -1, char(2), char(3), '…', {SNIPPET_TOKENS}), best.score, m.code
FROM best JOIN search_index AS s ON s.rowid = best.doc
LEFT JOIN mentees AS m ON m.id = s.mentee_id
WHERE search_index MATCH :q
  AND s.rowid BETWEEN (SELECT min(doc) FROM best) AND (SELECT max(doc) FROM best)
ORDER BY best.score
"""


@dataclass(frozen=True)
class Query:
    kind: str
    text: str


@dataclass
class QueryTimes:
    """One query's samples (milliseconds) and what it found."""

    query: Query
    windowed: bool = False
    hits: int = 0
    cold_ms: float = 0.0
    app_ms: list[float] = field(default_factory=list)
    raw_ms: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return ratio(median(self.app_ms), median(self.raw_ms))


def _words(text: str, low: int) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z]+", text) if len(w) >= low]


def typo_of(word: str, rng: random.Random) -> str:
    """One slip of the keyboard: two neighbouring letters swapped, one dropped or doubled."""
    i = rng.randrange(1, len(word) - 1)
    slips = (
        word[:i] + word[i + 1] + word[i] + word[i + 2 :],
        word[:i] + word[i + 1 :],
        word[:i] + word[i] + word[i:],
    )
    candidates = [s for s in slips if s.lower() != word.lower()]
    return rng.choice(candidates) if candidates else word + "x"


def pick_queries(
    texts: Sequence[str],
    codes: Sequence[str],
    mentee_names: Sequence[str],
    people_names: Sequence[str],
    finds_nothing: Callable[[str], bool],
    seed: int = SEED,
) -> list[Query]:
    """About sixty queries a mentor would type, sampled from ``texts`` (notes from the whole
    vault), codes and names, with a fixed seed. ``finds_nothing`` picks zero-hit queries."""
    rng = random.Random(seed)
    queries: list[Query] = []

    def add(kind: str, options: Sequence[str], count: int) -> None:
        pool = sorted(set(options))
        for text in rng.sample(pool, min(count, len(pool))):
            queries.append(Query(kind, text))

    add("code", codes, 6)
    add("mentee name", mentee_names, 6)
    add("person around", people_names, 6)
    sample = [t for t in rng.sample(list(texts), min(200, len(texts))) if _words(t, 3)]
    long_words = [w for t in sample for w in _words(t, 7)]
    add("prefix 2", [w[:2].lower() for w in long_words], 8)
    add("prefix 4-6", [w[: rng.randint(4, 6)].lower() for w in long_words], 8)
    phrases, pairs = [], []
    for text in sample[:40]:
        tokens = re.findall(r"[^\W_]+", text)  # every token, short words too: a real phrase
        if len(tokens) > 4:
            i = rng.randrange(len(tokens) - 3)
            phrases.append('"' + " ".join(tokens[i : i + rng.randint(2, 3)]) + '"')
        words = _words(text, 4)
        if len(words) > 3:
            first, second = rng.sample(words, 2)
            pairs.append(f"{first.lower()} {second.lower()}")
    add("phrase", phrases, 8)
    add("two words", pairs, 8)
    add("typo", [typo_of(w.lower(), rng) for w in long_words[:60]], 6)
    nothing: list[str] = []
    while len(nothing) < 4:
        word = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 8)))
        if finds_nothing(word):
            nothing.append(word)
    queries += [Query("finds nothing", w) for w in nothing]
    return queries


class RawSearch:
    """The baseline: the same work in two SQL statements on a bare sqlcipher3 connection."""

    def __init__(self, connection: Any, newest_doc: int) -> None:
        self._conn = connection
        self._needs_floor = newest_doc > WINDOW

    def run(self, expression: str) -> list[Any]:
        floor = 0
        if self._needs_floor:
            row = self._conn.execute(RAW_FLOOR_SQL, (expression, WINDOW)).fetchone()
            floor = 0 if row is None else int(row[0])
        rows: list[Any] = self._conn.execute(
            RAW_SEARCH_SQL, {"q": expression, "floor": floor}
        ).fetchall()
        return rows


def measure(
    queries: Sequence[Query],
    app: Callable[[str], Any],
    raw: RawSearch,
    to_expression: Callable[[str], str | None],
    windowed: Callable[[str], bool],
    repeats: int = REPEATS,
    seed: int = SEED,
) -> list[QueryTimes]:
    """Cold run of each query (app first: a mentor's first search), then ``repeats`` rounds
    in a shuffled order with app and raw back to back, alternating which goes first."""
    rng = random.Random(seed)
    found = [QueryTimes(q) for q in queries]
    for times in found:
        expression = to_expression(times.query.text) or '""'
        times.cold_ms = 1000 * timed(lambda q=times.query.text: app(q))
        times.hits = len(raw.run(expression))
        times.windowed = windowed(times.query.text)
    for round_ in range(repeats):
        order = list(range(len(found)))
        rng.shuffle(order)
        for position, index in enumerate(order):
            times = found[index]
            text = times.query.text
            expression = to_expression(text) or '""'
            pair = [
                (times.app_ms, lambda t=text: app(t)),
                (times.raw_ms, lambda e=expression: raw.run(e)),
            ]
            if (round_ + position) % 2:
                pair.reverse()
            for samples, call in pair:
                samples.append(1000 * timed(call))
    return found


def summarise(found: Sequence[QueryTimes]) -> dict[str, Any]:
    """Per-query app/raw ratios (median of each query's repeats), split by the window."""
    app = [ms for t in found for ms in t.app_ms]
    raw = [ms for t in found for ms in t.raw_ms]
    cold = [t.cold_ms for t in found]
    ratios = [t.ratio for t in found]
    windowed = [t.ratio for t in found if t.windowed]
    unwindowed = [t.ratio for t in found if not t.windowed]
    out: dict[str, Any] = {
        "search_queries": len(found),
        "search_windowed_queries": len(windowed),
        "search_median_ms": round(median(app), 3),
        "search_p95_ms": round(percentile(app, 95), 3),
        "raw_fts_median_ms": round(median(raw), 3),
        "raw_fts_p95_ms": round(percentile(raw, 95), 3),
        "search_ratio": round(median(ratios), 3),
        "search_ratio_p95": round(percentile(ratios, 95), 3),
        "search_cold_median_ms": round(median(cold), 3),
        "search_cold_p95_ms": round(percentile(cold, 95), 3),
    }
    for name, values in (("windowed", windowed), ("unwindowed", unwindowed)):
        out[f"search_ratio_{name}"] = round(median(values), 3) if values else None
        out[f"search_ratio_{name}_p95"] = round(percentile(values, 95), 3) if values else None
    by_kind: dict[str, list[QueryTimes]] = {}
    for t in found:
        by_kind.setdefault(t.query.kind, []).append(t)
    out["search_by_kind"] = {
        kind: {
            "queries": len(ts),
            "app_median_ms": round(median([ms for t in ts for ms in t.app_ms]), 3),
            "ratio_median": round(median([t.ratio for t in ts]), 3),
            "cold_median_ms": round(median([t.cold_ms for t in ts]), 3),
            "median_hits": median([t.hits for t in ts]),
        }
        for kind, ts in by_kind.items()
    }
    out["search_detail"] = [
        {
            "kind": t.query.kind,
            "query": t.query.text,
            "hits": t.hits,
            "windowed": t.windowed,
            "cold_ms": round(t.cold_ms, 3),
            "app_ms": round(median(t.app_ms), 3),
            "raw_ms": round(median(t.raw_ms), 3),
            "ratio": t.ratio,
        }
        for t in found
    ]
    return out
