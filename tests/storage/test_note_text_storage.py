"""Any Unicode text survives storage exactly, and a signature still verifies after reading back."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorjournal.domain import NoteTemplate
from mentorjournal.errors import ValidationError
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import make_mentee

ANY_TEXT = st.text(max_size=500)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sections=st.lists(ANY_TEXT, min_size=4, max_size=4), extra=ANY_TEXT)
def test_every_text_field_round_trips_and_signs(
    memory_journal: Journal, sections: list[str], extra: str
) -> None:
    mentee = memory_journal.find_mentee("M-HYP") or make_mentee(memory_journal, "M-HYP")
    note = memory_journal.new_note(
        mentee.id,
        template=NoteTemplate.BIRP,
        sections=dict(zip(NoteTemplate.BIRP.sections, sections, strict=True)),
    ).value
    note = memory_journal.save_draft(
        replace(note, risk_followup=extra, next_actions=extra[::-1])
    ).value
    assert memory_journal.get_note(note.id) == note
    signed = memory_journal.sign_note(note.id).value
    assert memory_journal.get_note(note.id) == signed
    assert memory_journal.verify_note(note.id) is None
    if extra.strip() and "\x00" in extra:  # SQLite cannot store it as non-empty text
        with pytest.raises(ValidationError, match="NUL"):
            memory_journal.add_addendum(note.id, extra)
    elif extra.strip():
        memory_journal.add_addendum(note.id, extra)
        assert memory_journal.addenda(note.id)[0].text == extra
        assert memory_journal.verify_note(note.id) is None
