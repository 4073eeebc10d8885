"""A mentee's whole record exports in every format with everything the vault holds."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
import pypdf

from mentorjournal.clock import UTC_ZONE
from mentorjournal.export.document import Heading
from mentorjournal.export.markdown import to_markdown
from mentorjournal.export.mentee_record import mentee_record_document
from mentorjournal.export.render import write_document
from tests.export.sample_records import mentee_record

EXPORTED = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)


def test_record_has_every_part_in_reading_order() -> None:
    doc = mentee_record_document(mentee_record(), EXPORTED, zone=UTC_ZONE)
    top = [b.text for b in doc.blocks if isinstance(b, Heading) and b.level == 1]
    assert top == [
        "Profile",
        "People and places",
        "Consent",
        "Resources and services",
        "Information shared (disclosures)",
        "Sessions",
        "Goals",
        "Coping plan",
    ]


def test_record_markdown_holds_sessions_addenda_goals_progress_and_plan() -> None:
    record = mentee_record()
    text = to_markdown(mentee_record_document(record, EXPORTED, zone=UTC_ZONE))
    for expected in (
        "# Record of M-901",
        "Tamsin",
        "Morwenna Quillfeather",
        "Share notes with GP",
        "Youth counselling",
        "Tam said the week was \\*hard\\*.",
        "Correction: the walk was her idea.",
        "Safety plan reviewed together.",
        "I want to get back to college",
        "GAS -1",
        "Samaritans — 116 123",
        "Brackenford",
    ):
        assert expected in text, expected
    # Sessions in time order, whatever order the vault returned them in.
    assert text.index("12 January 2026") < text.index("19 January 2026")
    # No internal ids.
    assert record.mentee.id not in text
    assert all(note.id not in text for note in record.sessions)


def test_record_writes_as_pdf_and_docx(tmp_path: Path) -> None:
    doc = mentee_record_document(mentee_record(), EXPORTED, zone=UTC_ZONE)
    write_document(doc, tmp_path / "r.pdf")
    write_document(doc, tmp_path / "r.docx")
    pdf_text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "r.pdf")).pages)
    assert "I want to get back to college" in pdf_text
    headings = [
        p.text
        for p in docx.Document(str(tmp_path / "r.docx")).paragraphs
        if p.style.name == "Heading 1"
    ]
    assert "Sessions" in headings and "Coping plan" in headings


def test_each_session_lists_the_goals_it_worked_on_by_their_words() -> None:
    from dataclasses import replace

    record = mentee_record()
    goal = record.goals[0]
    first, *rest = sorted(record.sessions, key=lambda n: n.started_at)
    linked = replace(record, sessions=(replace(first, goal_ids=(goal.id,)), *rest))
    text = to_markdown(mentee_record_document(linked, EXPORTED, zone=UTC_ZONE))
    assert f"**Goals worked on:** {goal.mentee_words}" in text
    assert goal.id not in text
    assert text.count("Goals worked on") == 1
