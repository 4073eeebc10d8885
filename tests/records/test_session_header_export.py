"""The header reaches the mentee's record export: PDF and DOCX read back with every field."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import docx
import pypdf

from mentorjournal.clock import ManualClock
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import PlanGoalLine, SessionHeader, Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.export.markdown import to_markdown
from mentorjournal.export.mentee_record import load_mentee_record, mentee_record_document
from mentorjournal.export.render import write_document
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import make_goal, make_mentee

EXPECTED = (
    "10:00–10:53 (53 min)",
    "4 × 15 min",
    "Community (99)",
    "Peer support, individual (H0038)",
    "Individual, In person",
    "Get back to college: Booked the open day",
    "Sam Example, Peer Support Specialist (CPS)",
    "Off sick",
    "I felt less alone today",
)


def _late_signed_record(journal: Journal, clock: ManualClock) -> str:
    signer = Signer("Sam Example", "Peer Support Specialist", "CPS")
    journal.set_record_settings(RecordSettings(ServiceProfileKind.US_MEDICAID_PEER, signer))
    mentee = make_mentee(journal, "M-777")
    goal = make_goal(journal, mentee, words="Get back to college")
    start = clock.now().replace(hour=10, minute=0) - timedelta(days=9)
    note = journal.new_note(mentee.id, started_at=start).value
    header = SessionHeader(
        ended_at=start + timedelta(minutes=53), place="Community (99)",
        service="Peer support, individual", service_code="H0038",
        goals=(PlanGoalLine(goal.id, "Booked the open day"),), written_with_mentee=True,
        own_words="I felt less alone today.",
    )  # fmt: skip
    journal.save_draft(replace(note, goal_ids=(goal.id,), header=header))
    journal.sign_note(note.id, late_reason="Off sick")
    return mentee.code


def test_the_record_shows_every_header_field_in_markdown_pdf_and_docx(
    journal: Journal, vault_clock: ManualClock, tmp_path: Path
) -> None:
    code = _late_signed_record(journal, vault_clock)
    doc = mentee_record_document(
        load_mentee_record(journal, code), vault_clock.now(), zone=journal.clock.zone
    )
    text = to_markdown(doc)
    for expected in EXPECTED:
        assert expected in text, expected
    write_document(doc, tmp_path / "r.pdf")
    write_document(doc, tmp_path / "r.docx")
    pdf = " ".join(p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "r.pdf")).pages)
    pdf = " ".join(pdf.split())
    word = docx.Document(str(tmp_path / "r.docx"))
    cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    paragraphs = " ".join(p.text for p in word.paragraphs)
    for expected in EXPECTED:
        assert expected in pdf, expected
        assert expected in cells + " " + paragraphs, expected
