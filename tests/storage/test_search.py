"""Search ranks and highlights, finds prefixes and phrases, filters, and forgets deleted records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mentorjournal.storage import search
from mentorjournal.storage.connection import Connection, close_database, open_database, transaction
from mentorjournal.storage.schema import migrate
from mentorjournal.storage.search import HIGHLIGHT_END, HIGHLIGHT_START, IndexDoc

KEY = bytes(range(32))


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[Connection]:
    connection = open_database(tmp_path / "j.db", KEY, create=True)
    migrate(connection)
    yield connection
    close_database(connection)


def _add(
    conn: Connection,
    kind: str,
    rid: str,
    body: str,
    *,
    mentee: str | None = "m1",
    day: date | None = date(2026, 2, 1),
    title: str = "",
) -> None:
    with transaction(conn):
        search.index_record(
            conn, kind=kind, record_id=rid, mentee_id=mentee, day=day, title=title, body=body
        )


def _ids(hits: list[search.SearchHit]) -> list[str]:
    return [h.record_id for h in hits]


def test_prefix_finds_words_while_typing(conn: Connection) -> None:
    _add(conn, "session", "s1", "We talked about anxiety before the exam.")
    _add(conn, "session", "s2", "A calm week, football on Saturday.")
    assert _ids(search.search(conn, "an")) == ["s1"]
    assert _ids(search.search(conn, "anxi")) == ["s1"]
    assert _ids(search.search(conn, "foot sat")) == ["s2"]


def test_phrase_matches_only_the_words_in_order(conn: Connection) -> None:
    _add(conn, "goal", "g1", "I want to get back to college in September.")
    _add(conn, "goal", "g2", "College felt far away; I want to get back my confidence.")
    assert _ids(search.search(conn, '"back to college"')) == ["g1"]
    assert sorted(_ids(search.search(conn, "back college"))) == ["g1", "g2"]


def test_diacritics_and_case_are_ignored(conn: Connection) -> None:
    _add(conn, "reflection", "r1", "Met at the CAFÉ near the naïve mural.")
    assert _ids(search.search(conn, "cafe naive")) == ["r1"]
    assert _ids(search.search(conn, "Café")) == ["r1"]


def test_results_are_ranked_with_title_and_frequency_first(conn: Connection) -> None:
    _add(conn, "session", "weak", "Long note. " * 30 + "He mentioned sleep once.")
    _add(conn, "session", "strong", "Sleep, sleep routine and sleep hygiene.", title="Sleep")
    _add(conn, "session", "none", "Nothing relevant here.")
    hits = search.search(conn, "sleep")
    assert _ids(hits) == ["strong", "weak"]
    assert hits[0].rank < hits[1].rank


def test_snippets_mark_matches_with_private_markers(conn: Connection) -> None:
    _add(conn, "session", "s1", "She practised box breathing when the panic started.")
    (hit,) = search.search(conn, "breath")
    assert f"{HIGHLIGHT_START}breathing{HIGHLIGHT_END}" in hit.snippet
    assert search.plain_snippet(hit.snippet) == hit.snippet.replace("\x02", "[").replace(
        "\x03", "]"
    )
    assert "[breathing]" in search.plain_snippet(hit.snippet)


def test_snippet_keeps_markup_like_text_verbatim(conn: Connection) -> None:
    _add(conn, "session", "s1", "He wrote <b>help</b> & left.")
    (hit,) = search.search(conn, "help")
    assert "<b>" in hit.snippet
    assert "&" in hit.snippet


def test_filters_by_mentee_kind_and_dates(conn: Connection) -> None:
    _add(conn, "session", "a", "walking group", mentee="m1", day=date(2026, 1, 10))
    _add(conn, "goal", "b", "walking group", mentee="m1", day=date(2026, 2, 10))
    _add(conn, "session", "c", "walking group", mentee="m2", day=date(2026, 3, 10))
    _add(conn, "reflection", "d", "walking group", mentee=None, day=None)
    assert sorted(_ids(search.search(conn, "walking", mentee_id="m1"))) == ["a", "b"]
    assert sorted(_ids(search.search(conn, "walking", kinds=["session"]))) == ["a", "c"]
    assert sorted(_ids(search.search(conn, "walking", kinds=["goal", "reflection"]))) == [
        "b",
        "d",
    ]
    assert _ids(search.search(conn, "walking", date_from=date(2026, 3, 1))) == ["c"]
    assert _ids(search.search(conn, "walking", date_to=date(2026, 1, 31))) == ["a"]
    between = search.search(conn, "walking", date_from=date(2026, 1, 11), date_to=date(2026, 2, 28))
    assert _ids(between) == ["b"]
    assert between[0].day == date(2026, 2, 10)


def test_hits_carry_the_mentee_code(conn: Connection) -> None:
    conn.execute(
        "INSERT INTO mentees(id, code, created_at, updated_at) VALUES ('m1', 'M-007', '', '')"
    )
    _add(conn, "session", "a", "kettle", mentee="m1")
    _add(conn, "reflection", "b", "kettle", mentee=None)
    codes = {h.record_id: h.mentee_code for h in search.search(conn, "kettle")}
    assert codes == {"a": "M-007", "b": None}


def test_limit_caps_the_results(conn: Connection) -> None:
    with transaction(conn):
        search.index_many(
            conn,
            [
                IndexDoc("session", f"s{i}", "m1", date(2026, 1, 1), "", "mood check")
                for i in range(30)
            ],
        )
    assert len(search.search(conn, "mood", limit=7)) == 7
    assert search.search(conn, "mood", limit=0) == []


def test_reindexing_replaces_the_old_text(conn: Connection) -> None:
    _add(conn, "session", "s1", "first draft mentions housing")
    _add(conn, "session", "s1", "second draft mentions benefits")
    assert search.search(conn, "housing") == []
    assert _ids(search.search(conn, "benefits")) == ["s1"]
    assert search.indexed_count(conn) == 1


def test_removed_records_are_forgotten(conn: Connection) -> None:
    _add(conn, "session", "s1", "private detail about court")
    _add(conn, "addendum", "s1", "addendum about court")
    assert search.remove_record(conn, "session", "s1")
    assert not search.remove_record(conn, "session", "s1")
    assert _ids(search.search(conn, "court")) == ["s1"]
    assert search.search(conn, "court")[0].kind == "addendum"


def test_erasing_a_mentee_forgets_all_their_entries(conn: Connection) -> None:
    for i in range(5):
        _add(conn, "session", f"a{i}", "relapse prevention plan", mentee="gone")
    _add(conn, "session", "keep", "relapse prevention plan", mentee="stays")
    assert search.remove_mentee(conn, "gone") == 5
    assert _ids(search.search(conn, "relapse")) == ["keep"]
    assert conn.execute("SELECT count(*) FROM search_index").fetchone()[0] == 1
    assert search.indexed_count(conn) == 1


@pytest.mark.parametrize(
    "typed",
    ["title:secret", "NEAR(a b)", "a OR b", '"', '""', "(((", "*", "^start", "-x", "AND", "'"],
)
def test_fts_syntax_typed_by_a_user_never_errors(conn: Connection, typed: str) -> None:
    _add(conn, "session", "s1", "title secret near a or b start x and", title="nothing")
    search.search(conn, typed)


def test_column_filter_syntax_is_read_as_words(conn: Connection) -> None:
    _add(conn, "session", "s1", "the word secret in the body", title="plain")
    _add(conn, "session", "s2", "unrelated", title="secret title")
    assert search.search(conn, "title:secret") == []
    assert _ids(search.search(conn, "secret title")) == ["s2"]


def test_bulk_index_is_searchable_like_single_inserts(conn: Connection) -> None:
    docs = [
        IndexDoc("session", str(i), f"m{i % 3}", date(2026, 1, 1 + i % 28), f"t{i}", f"body {i}")
        for i in range(100)
    ]
    with transaction(conn):
        assert search.index_many(conn, docs) == 100
        search.optimize(conn)
    _add(conn, "session", "extra", "body extra")
    assert len(search.search(conn, "body", limit=500)) == 101
    assert len(search.search(conn, "body", mentee_id="m1", limit=500)) == 34


def test_forgotten_text_leaves_no_term_in_the_index(conn: Connection) -> None:
    _add(conn, "session", "s1", "zanzibarite appointment")
    _add(conn, "session", "s2", "ordinary appointment")
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, search_index, 'row')")
    terms = "SELECT term FROM temp.vocab WHERE term = 'zanzibarite'"
    assert conn.execute(terms).fetchall() == [("zanzibarite",)]
    search.remove_record(conn, "session", "s1")
    assert conn.execute(terms).fetchall() == []
    assert conn.execute("SELECT count(*) FROM search_index_content").fetchone()[0] == 1
    assert conn.execute(
        "SELECT v FROM search_index_config WHERE k = 'secure-delete'"
    ).fetchone() == (1,)


def _bulk(conn: Connection, docs: list[IndexDoc]) -> None:
    with transaction(conn):
        search.index_many(conn, docs)


def _walks(count: int, *, start: int = 1) -> list[IndexDoc]:
    """``count`` notes a day apart that all mention walking, once each."""
    return [
        IndexDoc("session", f"w{i}", "m1", date(2026, 1, i), "", f"walking note {i}")
        for i in range(start, start + count)
    ]


def test_a_query_matching_up_to_the_window_is_ranked_over_every_match(conn: Connection) -> None:
    _bulk(conn, _walks(5))
    _add(conn, "session", "old-best", "walking walking walking", day=date(2025, 1, 1))
    results = search.search_results(conn, "walking", window=6)
    assert not results.windowed
    assert results.hits[0].record_id == "old-best"
    assert len(results.hits) == 6


def test_past_the_window_only_the_most_recent_matches_are_ranked(conn: Connection) -> None:
    _add(conn, "session", "old-best", "walking walking walking canal", day=date(2025, 1, 1))
    _bulk(conn, _walks(5))
    windowed = search.search_results(conn, "walking", window=5)
    assert windowed.windowed and windowed.window == 5
    assert sorted(_ids(list(windowed.hits))) == [f"w{i}" for i in range(1, 6)]
    # One more word reaches the old note again: the window never hides a narrower query.
    narrower = search.search_results(conn, "walking canal", window=5)
    assert _ids(list(narrower.hits)) == ["old-best"] and not narrower.windowed
    # Scores keep the whole vault's IDF: a windowed hit ranks exactly as in a full ranking.
    full = {h.record_id: h.rank for h in search.search_results(conn, "walking", window=50).hits}
    assert all(h.rank == pytest.approx(full[h.record_id]) for h in windowed.hits)


def test_the_window_counts_matches_after_the_filters(conn: Connection) -> None:
    _add(conn, "session", "mine", "walking", mentee="m2", day=date(2025, 1, 1))
    _bulk(conn, _walks(5))
    results = search.search_results(conn, "walking", mentee_id="m2", window=2)
    assert _ids(list(results.hits)) == ["mine"] and not results.windowed
    assert _ids(search.search(conn, "walking", kinds=["goal"])) == []


def test_bulk_indexing_numbers_records_by_date_so_recent_means_recent(conn: Connection) -> None:
    newest_first = list(reversed(_walks(6)))
    _bulk(conn, newest_first)
    results = search.search_results(conn, "walking", window=2)
    assert results.windowed
    assert sorted(h.day for h in results.hits) == [date(2026, 1, 5), date(2026, 1, 6)]


def test_no_window_or_no_text_gives_no_results(conn: Connection) -> None:
    _bulk(conn, _walks(3))
    assert search.search_results(conn, "walking", window=0).hits == ()
    assert search.search_results(conn, "  ").hits == ()


def test_snippets_come_from_one_scan_not_one_index_lookup_per_hit(conn: Connection) -> None:
    """Each FTS5 lookup by row id re-merges every prefix term's doclists (~2 ms at 50,000
    sessions); the plan must scan the matches once and find the top hits in a temp index."""
    for where in ("", " AND search_index.rowid > :floor"):
        sql = search._SEARCH_SQL.format(title=1.0, body=1.0, tokens=8, where=where, limit=50)
        params = {"expression": '"x"', "floor": 0, "start": "", "end": "", "ellipsis": ""}
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}", params)]
        fts_steps = [step for step in plan if "VIRTUAL TABLE" in step]
        assert len(fts_steps) == 2 and not any(":=" in step for step in fts_steps), plan
        assert any("AUTOMATIC COVERING INDEX" in step for step in plan), plan
