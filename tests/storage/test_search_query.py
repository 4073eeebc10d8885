"""Typed text becomes a safe FTS5 expression: nothing a user types is ever FTS5 syntax."""

from __future__ import annotations

import unicodedata

import sqlcipher3
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorjournal.storage.search_query import QueryTerm, parse_query, to_match_expression


def test_words_become_quoted_prefix_terms() -> None:
    assert to_match_expression("anx sleep") == '"anx"* "sleep"*'


def test_quoted_text_stays_a_phrase_and_an_open_quote_runs_to_the_end() -> None:
    assert to_match_expression('go "back to college" now') == '"go"* "back to college" "now"*'
    assert to_match_expression('"back to') == '"back to"'


def test_operators_and_punctuation_are_just_words() -> None:
    assert to_match_expression("title:x NEAR(a b) OR -c") == '"title x" "NEAR a" "b" "OR"* "c"'
    assert parse_query("don't") == (QueryTerm(("don", "t"), phrase=False),)


def test_a_single_letter_is_a_whole_word_not_a_prefix() -> None:
    assert to_match_expression("a an") == '"a" "an"*'


def test_nothing_searchable_gives_none() -> None:
    for text in ["", "   ", '"', "(((", "*^-:", '""']:
        assert to_match_expression(text) is None


def test_terms_are_capped() -> None:
    assert len(parse_query(" ".join(f"w{i}" for i in range(100)))) == 32


def _fold(text: str) -> str:
    """A plain reading: case and accents do not matter."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _memory_index(docs: list[str]) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(":memory:")
    conn.execute(
        "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='unicode61 remove_diacritics 2',"
        " prefix='2 3')"
    )
    conn.executemany("INSERT INTO t(body) VALUES (?)", [(d,) for d in docs])
    return conn


_words = st.sampled_from(
    ["anxiety", "anx", "Café", "cafe", "sleep", "OR", "NEAR", "title", "body", "x", "ÉCOLE"]
)
_noise = st.sampled_from(['"', "(", ")", "*", ":", "^", "-", "+", " ", "'", "{", "}", ","])
_typed = st.lists(st.one_of(_words, _noise, st.text(max_size=6)), max_size=12).map("".join)


@settings(max_examples=200, deadline=None)
@given(typed=st.text(max_size=80))
def test_any_text_never_raises(typed: str) -> None:
    conn = _memory_index(["anxiety and sleep", "title body"])
    expression = to_match_expression(typed)
    if expression is not None:
        conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


@settings(max_examples=200, deadline=None)
@given(typed=_typed, docs=st.lists(st.lists(_words, max_size=8).map(" ".join), max_size=6))
def test_every_hit_contains_every_typed_word(typed: str, docs: list[str]) -> None:
    conn = _memory_index(docs)
    expression = to_match_expression(typed)
    if expression is None:
        return
    hits = [r[0] for r in conn.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,))]
    for rowid in hits:
        doc_words = [_fold(w) for w in _plain_words(docs[rowid - 1])]
        for term in parse_query(typed):
            folded = [_fold(t) for t in term.tokens]
            if term.phrase:
                assert any(doc_words[i : i + len(folded)] == folded for i in range(len(doc_words)))
            else:
                head, last = folded[:-1], folded[-1]
                assert any(
                    doc_words[i : i + len(head)] == head
                    and i + len(head) < len(doc_words)
                    and doc_words[i + len(head)].startswith(last)
                    for i in range(len(doc_words))
                )


def _plain_words(text: str) -> list[str]:
    from mentorjournal.storage.search_query import tokens_of

    return list(tokens_of(text))
