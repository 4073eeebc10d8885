"""Both signatures reach the exports: the mentee's record and a single note, Markdown, PDF, DOCX."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import docx
import pypdf

from mentorjournal.clock import ManualClock
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.export.audited import export_mentee_record
from mentorjournal.export.caseload_list import export_note, note_markdown
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import make_mentee, make_note

COSIGNED = (
    "Sam Example, Peer worker",
    "Dr Ada Example, Clinical supervisor",
    "Discussed in supervision; plan agreed",
)
WAITING = "supervisor review asked for"


def _record(journal: Journal, clock: ManualClock) -> tuple[str, str, str]:
    """A mentee with one co-signed note and one put up for review: (code, cosigned, waiting)."""
    journal.set_record_settings(
        RecordSettings(ServiceProfileKind.NONE, Signer("Sam Example", "Peer worker"))
    )
    mentee = make_mentee(journal, "M-321")
    start = clock.now() - timedelta(days=2)
    cosigned = make_note(journal, mentee, started_at=start, sign=True)
    waiting = make_note(journal, mentee, started_at=start + timedelta(days=1), sign=True)
    journal.add_cosignature(
        cosigned.id, name="Dr Ada Example", role="Clinical supervisor",
        cosigned_on=journal.today(), comment="Discussed in supervision; plan agreed.",
    )  # fmt: skip
    journal.request_review(waiting.id)
    return mentee.code, cosigned.id, waiting.id


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(str(path)).pages).split())


def _docx_text(path: Path) -> str:
    word = docx.Document(str(path))
    cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    return cells + " " + " ".join(p.text for p in word.paragraphs)


def test_the_record_shows_both_signatures_and_the_note_still_waiting(
    journal: Journal, vault_clock: ManualClock, tmp_path: Path
) -> None:
    code, _cosigned, _waiting = _record(journal, vault_clock)
    for name in ("r.md", "r.pdf", "r.docx"):
        export_mentee_record(journal, code, tmp_path / name)
    texts = {
        "md": (tmp_path / "r.md").read_text(encoding="utf-8"),
        "pdf": _pdf_text(tmp_path / "r.pdf"),
        "docx": _docx_text(tmp_path / "r.docx"),
    }
    for kind, text in texts.items():
        for expected in (*COSIGNED, WAITING):
            assert expected in text, (kind, expected)


def test_a_single_note_export_shows_the_cosignature(
    journal: Journal, vault_clock: ManualClock, tmp_path: Path
) -> None:
    _code, cosigned, waiting = _record(journal, vault_clock)
    export_note(journal, cosigned, tmp_path / "n.pdf")
    export_note(journal, cosigned, tmp_path / "n.docx")
    for text in (_pdf_text(tmp_path / "n.pdf"), _docx_text(tmp_path / "n.docx")):
        for expected in COSIGNED:
            assert expected in text, expected
    assert WAITING in note_markdown(journal, waiting)
    assert "Co-signed" not in note_markdown(journal, waiting)


def test_a_note_never_put_up_for_review_exports_as_before(journal: Journal) -> None:
    mentee = make_mentee(journal, "M-322")
    note = make_note(journal, mentee, sign=True)
    assert "Signatures" not in note_markdown(journal, note.id)
