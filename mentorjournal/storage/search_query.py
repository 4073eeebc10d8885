"""Turn what a person types into the search box into a safe FTS5 MATCH expression.

FTS5 has its own query language (column filters ``title:``, ``NEAR``, ``AND``/``OR``/``NOT``,
``*``, ``^``, parentheses). None of that is offered to users: every word they type becomes a
double-quoted string, so no user text is ever parsed as syntax. Words become prefix terms
(``"anx"*``) so results appear while typing; text in double quotes stays an exact phrase.
All terms must match (FTS5's implicit AND). A single letter matches only that one-letter word,
not every word that starts with it. Pure: no I/O, no SQL; it lives in storage beside
``search.py``, its one user, because what it writes is FTS5's own language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A run of characters FTS5's unicode61 tokenizer keeps together (letters, digits, private use).
_TOKEN = re.compile(r"[^\W_]+|[\ue000-\uf8ff]+")
#: Beyond this the query is not a search any more; extra terms are ignored, not an error.
MAX_TERMS = 32
MAX_QUERY_CHARS = 2000
#: A one-letter prefix would expand to a large part of the vocabulary (the index keeps
#: prefixes of 2 and 3 characters), so a single letter is matched as a whole word.
MIN_PREFIX_CHARS = 2


@dataclass(frozen=True)
class QueryTerm:
    """One thing to match: a word (matched as a prefix) or a phrase (matched exactly)."""

    tokens: tuple[str, ...]
    phrase: bool

    def to_fts(self) -> str:
        text = " ".join(self.tokens)
        quoted = '"' + text.replace('"', '""') + '"'
        if self.phrase or len(self.tokens[-1]) < MIN_PREFIX_CHARS:
            return quoted
        return quoted + "*"


def tokens_of(text: str) -> tuple[str, ...]:
    """The searchable pieces of ``text``; punctuation and symbols only separate them."""
    return tuple(_TOKEN.findall(text))


def parse_query(text: str) -> tuple[QueryTerm, ...]:
    """Split typed text into terms: "quoted phrases" and single words.

    A word with inner punctuation (``don't``, ``e-mail``) becomes a short phrase of its pieces
    with the last piece a prefix, which is how a reader would understand it. An unmatched quote
    runs to the end of the text, so typing a phrase works before the closing quote is typed.
    """
    text = text[:MAX_QUERY_CHARS]
    terms: list[QueryTerm] = []
    for index, chunk in enumerate(text.split('"')):
        inside_quotes = index % 2 == 1
        if inside_quotes:
            pieces = tokens_of(chunk)
            if pieces:
                terms.append(QueryTerm(pieces, phrase=True))
            continue
        for word in chunk.split():
            pieces = tokens_of(word)
            if pieces:
                terms.append(QueryTerm(pieces, phrase=False))
    return tuple(terms[:MAX_TERMS])


def to_match_expression(text: str) -> str | None:
    """The FTS5 MATCH expression for ``text``, or None when nothing searchable was typed."""
    terms = parse_query(text)
    if not terms:
        return None
    return " ".join(term.to_fts() for term in terms)
