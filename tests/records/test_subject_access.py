"""Subject access: the one-month due date (ICO), the request record, and the three-file copy."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import docx
import pypdf
import pytest

from mentorjournal.domain import AppointmentStatus, Instrument, PlanSection, new_id
from mentorjournal.domain.disclosure import Disclosure, DisclosureBasis, ShareMethod
from mentorjournal.domain.subject_access import (
    DOCX_NAME,
    JSON_NAME,
    PDF_NAME,
    SubjectAccessRequest,
    access_due_on,
)
from mentorjournal.errors import RecordNotFound, UsageError, ValidationError
from mentorjournal.export.subject_access import export_subject_access
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import db_of, make_goal, make_mentee, make_note
from tests.fixtures.vault_fixtures import CliResult

Cli = Callable[..., CliResult]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 9, 3), date(2026, 10, 5)),  # 3 October 2026 is a Saturday: Monday 5th
        (date(2026, 1, 31), date(2026, 3, 2)),  # no 31 Feb.: the 28th, a Saturday: Monday
        (date(2028, 1, 31), date(2028, 2, 29)),  # a leap year's last day of February (Tue)
        (date(2026, 12, 15), date(2027, 1, 15)),  # across the year end (a Friday)
        (date(2026, 3, 31), date(2026, 4, 30)),  # April has 30 days (a Thursday)
    ],
)
def test_the_due_date_is_the_corresponding_day_of_next_month_or_the_next_working_day(
    received: date, due: date
) -> None:
    assert access_due_on(received) == due
    assert access_due_on(received).weekday() < 5


def test_a_request_cannot_arrive_in_the_future() -> None:
    now = datetime(2026, 1, 5, 9, tzinfo=UTC)
    with pytest.raises(ValidationError, match="in the future"):
        SubjectAccessRequest.received(
            new_id(), new_id(), date(2026, 1, 6), today=date(2026, 1, 5), now=now
        )
    request = SubjectAccessRequest.received(
        new_id(), new_id(), date(2026, 1, 5), today=date(2026, 1, 5), now=now
    )
    assert request.due_on == date(2026, 2, 5)
    assert request.days_left(date(2026, 1, 5)) == 31
    assert not request.is_overdue(date(2026, 2, 5))
    assert request.is_overdue(date(2026, 2, 6))


def _seed(journal: Journal) -> str:
    """A mentee with something of every kind the copy must hold; returns the code."""
    mentee = make_mentee(journal, "M-311", first_name="Ines", last_name="Vardell")
    goal = make_goal(journal, mentee, words="Walk to the library on my own")
    journal.add_progress(goal.id, on=date(2026, 1, 2), gas_level=0, note="Went twice")
    note = make_note(journal, mentee, text="Talked about the library walk.", sign=True)
    journal.add_addendum(note.id, "Correction: it was Tuesday, not Monday.")
    journal.save_plan(mentee.id, {PlanSection.WARNING_SIGNS: ["Not sleeping"]})
    journal.add_measure(mentee.id, Instrument.GAD7, (1, 1, 0, 0, 1, 0, 0), on=date(2026, 1, 3))
    appointment = journal.add_appointment(
        mentee.id, datetime(2026, 1, 4, 10, tzinfo=UTC), minutes=50
    ).value
    journal.set_appointment_status(appointment.id, AppointmentStatus.ATTENDED)
    journal.record_disclosure(
        Disclosure(
            new_id(), mentee.id, datetime(2026, 1, 4, 12, tzinfo=UTC),
            DisclosureBasis.SAFEGUARDING_ADULT, "Concern about the landlord",
            "Adult social care", ShareMethod.PHONE, "Risk of harm at home",
        )
    )  # fmt: skip
    return mentee.code


def test_the_copy_holds_every_record_and_states_both_dates(
    memory_journal: Journal, tmp_path: Path
) -> None:
    code = _seed(memory_journal)
    other = make_mentee(memory_journal, "M-312", first_name="Oskar")
    make_note(memory_journal, other, text="Someone else entirely.")
    written = export_subject_access(
        memory_journal, code, tmp_path / "sar", requested_on=date(2026, 1, 2)
    )
    folder = tmp_path / "sar"
    assert written.files == (folder / PDF_NAME, folder / DOCX_NAME, folder / JSON_NAME)
    assert written.request.requested_on == date(2026, 1, 2)
    assert written.request.due_on == date(2026, 2, 2)
    assert written.request.exported_at == memory_journal.clock.now()
    for path in written.files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600

    pdf_text = "\n".join(p.extract_text() for p in pypdf.PdfReader(folder / PDF_NAME).pages)
    docx_text = "\n".join(
        [p.text for p in docx.Document(str(folder / DOCX_NAME)).paragraphs]
        + [
            c.text
            for t in docx.Document(str(folder / DOCX_NAME)).tables
            for r in t.rows
            for c in r.cells
        ]
    )
    for text in (pdf_text, docx_text):
        flat = " ".join(text.split())
        assert "2 January 2026" in flat and "2 February 2026" in flat
        for words in ("library walk", "it was Tuesday", "Not sleeping", "GAD-7",
                      "Adult social care", "Attended", "Ines"):  # fmt: skip
            assert words in flat, words
        assert "Someone else" not in flat and "Oskar" not in flat

    data = json.loads((folder / JSON_NAME).read_text(encoding="utf-8"))
    assert data["requested_on"] == "2026-01-02" and data["due_on"] == "2026-02-02"
    tables = data["tables"]
    for table in ("mentees", "session_notes", "addenda", "goals", "goal_progress",
                  "coping_plan_versions", "measures", "appointments", "disclosures",
                  "subject_access_requests"):  # fmt: skip
        assert table in tables, table
    assert [
        row[tables["mentees"]["columns"].index("code")] for row in tables["mentees"]["rows"]
    ] == [code]
    assert "Oskar" not in json.dumps(tables)
    assert any(e["action"] == "sign" for e in data["audit_events"])


def test_the_export_is_audited_and_answers_the_open_request(
    memory_journal: Journal, tmp_path: Path
) -> None:
    code = _seed(memory_journal)
    mentee = memory_journal.mentee_by_code(code)
    memory_journal.record_access_request(mentee.id, date(2025, 12, 29))
    written = export_subject_access(memory_journal, code, tmp_path / "copy")
    assert written.request.requested_on == date(2025, 12, 29)  # the open one, not a new one
    assert [r.exported_at is not None for r in memory_journal.access_requests(mentee.id)] == [True]
    events = audit.events(db_of(memory_journal), limit=1000)
    exported = [e for e in events if e.action == "export" and e.kind == "subject_access"]
    assert len(exported) == 1
    assert exported[0].record_id == mentee.id
    assert "Library" not in exported[0].detail and "library" not in exported[0].detail
    assert memory_journal.open_access_requests() == []


def test_bad_input_loses_nothing(memory_journal: Journal, tmp_path: Path) -> None:
    code = _seed(memory_journal)
    with pytest.raises(RecordNotFound):
        export_subject_access(memory_journal, "M-999", tmp_path / "x")
    with pytest.raises(UsageError, match="does not exist"):
        export_subject_access(memory_journal, code, tmp_path / "no" / "such")
    (tmp_path / "file").write_text("x")
    with pytest.raises(UsageError, match="is a file"):
        export_subject_access(memory_journal, code, tmp_path / "file")
    with pytest.raises(ValidationError, match="future"):
        export_subject_access(memory_journal, code, tmp_path / "y", requested_on=date(2027, 1, 1))
    mentee = memory_journal.mentee_by_code(code)
    assert memory_journal.access_requests(mentee.id) == []


def test_cli_writes_the_folder_and_prints_the_dates(
    journal: Journal,
    run_cli: Cli,
    vault_paths: VaultPaths,
    passphrase_file: Path,
    tmp_path: Path,
) -> None:
    code = _seed(journal)
    journal.lock()
    args = ["--vault", str(vault_paths.root), "--passphrase-file", str(passphrase_file)]
    out = tmp_path / "sar-cli"
    result = run_cli(
        "export", *args, "--subject-access", code, "--out", str(out), "--requested", "2026-01-05"
    )
    assert result.code == 0, result.stderr
    assert "received 2026-01-05, due by 2026-02-05" in result.stdout
    assert result.stdout.strip().splitlines()[-1] == str(out)
    assert sorted(p.name for p in out.iterdir()) == sorted([PDF_NAME, DOCX_NAME, JSON_NAME])

    bad = run_cli(
        "export", *args, "--subject-access", code, "--out", str(out), "--requested", "5/1"
    )
    assert bad.code == 2 and "--requested must be a date" in bad.stderr
    stray = run_cli("export", *args, "--caseload", "--requested", "2026-01-05", "--out", "x.pdf")
    assert stray.code == 2 and "goes with --subject-access" in stray.stderr
    missing = run_cli("export", *args, "--subject-access", "M-404", "--out", str(tmp_path / "z"))
    assert missing.code != 0 and "M-404" in missing.stderr
