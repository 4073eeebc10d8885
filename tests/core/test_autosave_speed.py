"""Autosave stays cheap enough to run on every pause in typing: re-indexing is off its path.

The search entry of an autosaved draft is only marked stale (see ``Journal.save_draft``) and
refreshed before the next search, on signing and on lock. How fast autosave is, against the
fsync floor of a one-row commit measured in the same run, is a benchmark: ``make bench``
(``save_p95_ms`` beside ``commit_p95_ms``), never a timed assertion here.
"""

from __future__ import annotations

from dataclasses import replace

from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note

WORDS = [
    "today",
    "we",
    "talked",
    "about",
    "sleep",
    "routines",
    "college",
    "applications",
    "and",
    "the",
    "walk",
    "she",
    "took",
    "with",
    "her",
    "sister",
    "on",
    "sunday",
    "she",
    "felt",
    "proud",
    "of",
    "keeping",
    "the",
    "diary",
    "going",
]


def _thousand_words(seed: int) -> str:
    return " ".join(WORDS[(i * 7 + seed) % len(WORDS)] for i in range(1000))


def test_autosave_writes_the_note_but_leaves_re_indexing_for_later(journal: Journal) -> None:
    """The expensive part (FTS re-index, ~10 ms for 1,000 words) is not on the autosave path."""
    note = make_note(journal, make_mentee(journal), text="original words")
    journal.save_draft(replace(note, sections=(("Body", _thousand_words(1)),)))
    conn = db_of(journal)
    indexed = conn.execute(
        "SELECT body FROM search_index WHERE record_id = ?", (note.id,)
    ).fetchone()[0]
    assert indexed == "original words"
    assert conn.execute("SELECT record_id FROM search_pending").fetchall() == [(note.id,)]
    assert journal.flush_search() == 1
    assert journal.search("diary")[0].record_id == note.id
