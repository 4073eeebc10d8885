"""Full-text search over the journal (FTS5 table ``search_index``, map table ``search_doc``).

Repositories call ``index_record`` whenever a searchable record is saved and ``remove_record``
/ ``remove_mentee`` when it is deleted or erased, inside the same transaction, so the index
never disagrees with the records. The FTS table runs with ``secure-delete`` so forgotten text
is overwritten, not left in free pages.

Snippets mark matched words with ``HIGHLIGHT_START`` (U+0002) and ``HIGHLIGHT_END`` (U+0003):
control characters that cannot occur in typed text, so the UI can turn them into bold and the
CLI into ``[..]`` without any escaping ambiguity. Nothing is HTML-escaped here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from mentorjournal.storage.connection import Connection
from mentorjournal.storage.search_query import to_match_expression

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
#: bm25 column weights: a hit in the title counts more than one in the body.
TITLE_WEIGHT = 4.0
BODY_WEIGHT = 1.0
MAX_LIMIT = 1000
#: When more records than this match, only the most recent this many are ranked. bm25 costs
#: about 0.5 us per candidate plus a fixed cost per pass over a prefix term, so this keeps
#: the slowest search near 15 ms at 50,000 sessions (docs/performance.md). A vault needs
#: more than ~5,000 notes before any word other than "the" or "and" reaches it.
RANK_WINDOW = 5000


@dataclass(frozen=True)
class IndexDoc:
    """The searchable text of one record, as handed to the index."""

    kind: str
    record_id: str
    mentee_id: str | None
    day: date | None
    title: str
    body: str


@dataclass(frozen=True)
class SearchHit:
    """One ranked result. ``rank`` is bm25: lower (more negative) is better."""

    kind: str
    record_id: str
    mentee_id: str | None
    day: date | None
    title: str
    snippet: str
    rank: float
    #: The mentee's pseudonym code (what lists and ``search --json`` show), joined in here.
    mentee_code: str | None = None


def _day_text(day: date | None) -> str:
    if day is None:
        return ""
    if isinstance(day, datetime):
        day = day.date()
    return day.isoformat()


def _day_value(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def index_record(
    conn: Connection,
    *,
    kind: str,
    record_id: str,
    mentee_id: str | None,
    day: date | None,
    title: str,
    body: str,
) -> None:
    """Index one record, replacing whatever was indexed for it before."""
    row = conn.execute(
        "INSERT INTO search_doc(kind, record_id, mentee_id) VALUES (?, ?, ?)"
        " ON CONFLICT(kind, record_id) DO UPDATE SET mentee_id = excluded.mentee_id"
        " RETURNING doc",
        (kind, str(record_id), mentee_id),
    ).fetchone()
    doc = int(row[0])
    conn.execute("DELETE FROM search_index WHERE rowid = ?", (doc,))
    conn.execute(
        "INSERT INTO search_index(rowid, title, body, kind, record_id, mentee_id, day)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (doc, title, body, kind, str(record_id), mentee_id, _day_text(day)),
    )


def index_many(conn: Connection, docs: Iterable[IndexDoc]) -> int:
    """Bulk-index records that are not indexed yet (demo data, import); returns the count.

    Uses ``executemany`` with pre-assigned row ids: about ten times faster than one
    ``index_record`` per record. Row ids are given in date order (undated records first), as
    they would have been had each record been written on its day, so the recency window of
    ``search_results`` means the same after an import as after years of writing. A record
    already indexed raises an IntegrityError.
    """
    start = int(conn.execute("SELECT coalesce(max(doc), 0) FROM search_doc").fetchone()[0])
    maps: list[tuple[int, str, str, str | None]] = []
    texts: list[tuple[int, str, str, str, str, str | None, str]] = []
    in_date_order = sorted(docs, key=lambda d: _day_text(d.day))
    for offset, d in enumerate(in_date_order, start=start + 1):
        maps.append((offset, d.kind, str(d.record_id), d.mentee_id))
        texts.append(
            (offset, d.title, d.body, d.kind, str(d.record_id), d.mentee_id, _day_text(d.day))
        )
    conn.executemany(
        "INSERT INTO search_doc(doc, kind, record_id, mentee_id) VALUES (?, ?, ?, ?)", maps
    )
    conn.executemany(
        "INSERT INTO search_index(rowid, title, body, kind, record_id, mentee_id, day)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        texts,
    )
    return len(maps)


def optimize(conn: Connection) -> None:
    """Merge the index's segments into one; worth it after a bulk load (faster queries)."""
    conn.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")


def remove_record(conn: Connection, kind: str, record_id: str) -> bool:
    """Forget one record; True when it was indexed."""
    row = conn.execute(
        "DELETE FROM search_doc WHERE kind = ? AND record_id = ? RETURNING doc",
        (kind, str(record_id)),
    ).fetchone()
    if row is None:
        return False
    conn.execute("DELETE FROM search_index WHERE rowid = ?", (int(row[0]),))
    return True


def remove_mentee(conn: Connection, mentee_id: str) -> int:
    """Forget every record of one mentee (erasure); returns how many entries went."""
    docs = [
        (int(r[0]),)
        for r in conn.execute(
            "DELETE FROM search_doc WHERE mentee_id = ? RETURNING doc", (mentee_id,)
        ).fetchall()
    ]
    conn.executemany("DELETE FROM search_index WHERE rowid = ?", docs)
    return len(docs)


def indexed_count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM search_doc").fetchone()[0])


def _filters(
    mentee_id: str | None,
    kinds: Sequence[str] | None,
    date_from: date | None,
    date_to: date | None,
) -> tuple[str, dict[str, object]]:
    """SQL to append to a ``search_index MATCH`` clause, and its named parameters.

    Mentee and kind are looked up in the small ``search_doc`` map (indexed, a few bytes a
    row) rather than in the FTS content table: a content row holds the whole note, and reading
    it for every match made a filtered search of a common word cost 70-150 ms at 50,000
    sessions (now 10-20 ms). The ``+`` keeps SQLite from handing the IN list to FTS5 as
    one lookup per row id, which is 100 times slower still. Dates live only in the content
    table; no screen filters by them.
    """
    clauses: list[str] = []
    params: dict[str, object] = {}
    doc_clauses: list[str] = []
    if mentee_id is not None:
        doc_clauses.append("mentee_id = :mentee_id")
        params["mentee_id"] = mentee_id
    if kinds:
        names = [f":kind{i}" for i in range(len(kinds))]
        doc_clauses.append(f"kind IN ({', '.join(names)})")
        params.update({name[1:]: kind for name, kind in zip(names, kinds, strict=True)})
    if doc_clauses:
        docs = f"SELECT doc FROM search_doc WHERE {' AND '.join(doc_clauses)}"
        clauses.append(f"+search_index.rowid IN ({docs})")
    if date_from is not None:
        clauses.append("day >= :date_from")
        params["date_from"] = _day_text(date_from)
    if date_to is not None:
        clauses.append("day <> '' AND day <= :date_to")
        params["date_to"] = _day_text(date_to)
    return "".join(f" AND {c}" for c in clauses), params


@dataclass(frozen=True)
class SearchResults:
    """The best hits for a query, and whether ranking had to stop at the recency window."""

    hits: tuple[SearchHit, ...]
    #: True when more than ``window`` records matched, so the hits are the best among the
    #: ``window`` most recently written matches, not among all of them.
    windowed: bool
    window: int

    @property
    def notice(self) -> str:
        """What to tell the reader when ranking stopped at the window (UI and CLI), or ""."""
        if not self.windowed:
            return ""
        return (
            f"More than {self.window:,} records match, so these are the best of the"
            f" {self.window:,} most recent. Add another word to search further back."
        )


_FLOOR_SQL = """
SELECT search_index.rowid FROM search_index WHERE search_index MATCH :expression{where}
ORDER BY search_index.rowid DESC LIMIT 1 OFFSET :window
"""
#: Rank (bm25 with the title weighted), keep the best ``limit``, then make their snippets in
#: one pass over the row-id span they cover.
_SEARCH_SQL = """
WITH top AS MATERIALIZED (
    SELECT search_index.rowid AS doc, bm25(search_index, {title}, {body}) AS score
    FROM search_index WHERE search_index MATCH :expression{where}
    ORDER BY score LIMIT {limit}
)
SELECT search_index.kind, record_id, mentee_id, day, title,
       snippet(search_index, -1, :start, :end, :ellipsis, {tokens}), top.score, mentees.code
FROM top JOIN search_index ON search_index.rowid = top.doc
LEFT JOIN mentees ON mentees.id = search_index.mentee_id
WHERE search_index MATCH :expression
  AND search_index.rowid BETWEEN (SELECT min(doc) FROM top) AND (SELECT max(doc) FROM top)
ORDER BY top.score
"""


def _window_floor(
    conn: Connection, where: str, params: dict[str, object], window: int
) -> int | None:
    """The row id just below the ``window`` most recent matches; None when fewer match.

    FTS5 walks a doclist in row-id order, newest first here, so this reads at most
    ``window + 1`` entries and stops. A vault whose newest row id is within the window cannot
    have more matches than that, and skips even this.
    """
    newest = conn.execute("SELECT max(doc) FROM search_doc").fetchone()[0]
    if newest is None or int(newest) <= window:
        return None
    row = conn.execute(_FLOOR_SQL.format(where=where), params).fetchone()
    return None if row is None else int(row[0])


def search_results(
    conn: Connection,
    query: str,
    *,
    mentee_id: str | None = None,
    kinds: Sequence[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
    window: int | None = None,
) -> SearchResults:
    """Best ``limit`` records matching what the user typed, best first, with snippets.

    The typed text goes through ``search_query`` (never raw FTS5 syntax). Ranking is bm25 with
    the title weighted over the body. bm25 must score every candidate, so when more than
    ``window`` (default ``RANK_WINDOW``) records match, a near-universal word at tens of
    thousands of notes, only the ``window`` most recent matches are ranked and ``windowed``
    says so. Scores keep their vault-wide IDF, and a query matching fewer records is ranked
    exactly as before.
    """
    window = RANK_WINDOW if window is None else window
    expression = to_match_expression(query)
    if expression is None or limit <= 0 or window <= 0:
        return SearchResults((), windowed=False, window=window)
    where, params = _filters(mentee_id, kinds, date_from, date_to)
    params.update(
        {
            "expression": expression,
            "window": window,
            "start": HIGHLIGHT_START,
            "end": HIGHLIGHT_END,
            "ellipsis": ELLIPSIS,
        }
    )
    floor = _window_floor(conn, where, params, window)
    if floor is not None:
        where += " AND search_index.rowid > :floor"
        params["floor"] = floor
    sql = _SEARCH_SQL.format(  # a literal LIMIT (an int, ours) lets SQLite size its sorter
        title=TITLE_WEIGHT,
        body=BODY_WEIGHT,
        tokens=SNIPPET_TOKENS,
        where=where,
        limit=int(min(limit, MAX_LIMIT)),
    )
    hits = tuple(
        SearchHit(
            kind=r[0],
            record_id=r[1],
            mentee_id=r[2],
            day=_day_value(r[3]),
            title=r[4],
            snippet=r[5],
            rank=float(r[6]),
            mentee_code=r[7],
        )
        for r in conn.execute(sql, params).fetchall()
    )
    return SearchResults(hits, windowed=floor is not None, window=window)


def search(
    conn: Connection,
    query: str,
    *,
    mentee_id: str | None = None,
    kinds: Sequence[str] | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    limit: int = 50,
) -> list[SearchHit]:
    """The hits of ``search_results`` alone, for callers that do not show the window."""
    return list(
        search_results(
            conn,
            query,
            mentee_id=mentee_id,
            kinds=kinds,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
        ).hits
    )


def plain_snippet(snippet: str, start: str = "[", end: str = "]") -> str:
    """A snippet with its highlight markers replaced (the CLI shows ``[word]``)."""
    return snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)
