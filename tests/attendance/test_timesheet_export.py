"""The printed timesheet: PDF and DOCX read back with a blank line per session held, every
outcome with its reason, the summary against the allocation, and an audited export; the CLI
writes it, prints JSON, and refuses bad dates and unknown mentees with one line. LibreOffice
opens both files in tests/export/test_opens_in_libreoffice.py."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import docx
import pypdf
import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.domain.appointments import AppointmentStatus
from mentorjournal.domain.attendance import AllocationPeriod, HourAllocation, Outcome
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import SessionHeader, Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.errors import UsageError
from mentorjournal.export.timesheet import SIGN_LINE, export_timesheet
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import make_mentee
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

FIRST, LAST = date(2025, 12, 1), date(2025, 12, 31)


def _at(day: int, hour: int = 10) -> datetime:
    return datetime(2025, 12, day, hour, 0, tzinfo=UTC)


def _fill(journal: Journal) -> str:
    journal.set_record_settings(
        RecordSettings(ServiceProfileKind.UK_DSA, Signer("Sam Example", "Specialist mentor"))
    )
    mentee = make_mentee(journal, "M-300", legal_name="Robin Testperson")
    journal.set_hour_allocation(HourAllocation(mentee.id, 600, AllocationPeriod.MONTH))
    held = journal.add_appointment(mentee.id, _at(1), minutes=60).value
    note = journal.note_from_appointment(held.id).value
    header = SessionHeader(ended_at=note.started_at + timedelta(minutes=55), place="Library")
    journal.save_draft(replace(note, header=header))
    for day, outcome in (
        (3, Outcome(AppointmentStatus.DID_NOT_ATTEND, "No reply to texts")),
        (5, Outcome(AppointmentStatus.CANCELLED_BY_MENTEE, "Exam moved")),
        (8, Outcome(AppointmentStatus.CANCELLED_BY_MENTOR, "Mentor unwell")),
        (10, Outcome(AppointmentStatus.CANCELLED_BY_SERVICE, "Building closed")),
        (12, Outcome(AppointmentStatus.ENDED_EARLY, "Had a lecture", 30, True)),
        (15, Outcome(AppointmentStatus.ENDED_EARLY, "Asked to stop", 20, False)),
    ):
        planned = journal.add_appointment(mentee.id, _at(day), minutes=60).value
        journal.record_outcome(planned.id, outcome)
    return mentee.code


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _docx_cells(path: Path) -> list[list[str]]:
    document = docx.Document(str(path))
    return [[c.text for c in row.cells] for t in document.tables for row in t.rows]


def test_the_pdf_has_each_outcome_a_blank_line_per_session_held_and_the_allocation(
    memory_journal: Journal, tmp_path: Path
) -> None:
    code = _fill(memory_journal)
    target = tmp_path / "timesheet.pdf"
    sheet = export_timesheet(memory_journal, code, FIRST, LAST, target)
    assert (sheet.total.sessions_held, sheet.total.minutes_held) == (3, 105)
    text = _pdf_text(target)
    for expected in (
        "Robin Testperson (M-300)", "Sam Example, Specialist mentor", "UK DSA",
        "10 h per month", "Library, in person", "10:00 – 10:55", "No reply to texts", "Exam moved",
        "Cancelled by service", "Building closed", "Ended early (agreed)", "(not agreed)",
        "December 2025", "Mentee:", "Mentor:",
    ):  # fmt: skip
        assert expected in " ".join(text.split()), expected
    assert text.count(SIGN_LINE) >= 3  # one blank line per session held, none pre-signed
    assert "not held" in text
    event = memory_journal.audit_events(action="export")[0]
    assert (event.kind, event.record_id) == ("timesheet", sheet.mentee_id)


def test_the_docx_rows_line_up_and_only_sessions_held_have_a_line_to_sign(
    memory_journal: Journal, tmp_path: Path
) -> None:
    code = _fill(memory_journal)
    target = tmp_path / "timesheet.docx"
    export_timesheet(memory_journal, code, FIRST, LAST, target)
    cells = _docx_cells(target)
    header = cells[0]
    assert header == ["Date", "Start – end", "Mins", "Place, method", "Outcome",
                      "Mentee confirms"]  # fmt: skip
    sessions = cells[1:8]
    signable = [row for row in sessions if row[5].strip() == SIGN_LINE]
    assert [row[2] for row in signable] == ["55", "30", "20"]
    assert signable[0][3] == "Library, in person"
    assert all(row[5] == "not held" for row in sessions if row not in signable)
    total = cells[8]
    assert total[0] == "Total" and total[2] == "105"
    summary = next(row for row in cells if row[0] == "December 2025")
    assert summary[1:] == ["3", "1.75", "2", "1", "1 / 1 / 1", "10", "8.25"]


def test_markdown_and_unknown_names_are_refused_before_any_work(
    memory_journal: Journal, tmp_path: Path
) -> None:
    code = _fill(memory_journal)
    folder = tmp_path / "out"
    folder.mkdir()
    for name in ("sheet.md", "sheet.txt"):
        with pytest.raises(UsageError):
            export_timesheet(memory_journal, code, FIRST, LAST, folder / name)
    assert not list(folder.iterdir())
    assert memory_journal.audit_events(action="export") == []


Run = Callable[..., CliResult]


@pytest.fixture
def cli(new_vault: CreatedVault, passphrase_file: Path, run_cli: Run) -> Run:
    new_vault.vault.lock()
    journal = Journal.open(new_vault.paths, new_vault.passphrase, clock=ManualClock(),
                           state_dir=new_vault.state_dir)  # fmt: skip
    try:
        _fill(journal)
    finally:
        journal.lock()

    def run(*args: str | Path) -> CliResult:
        return run_cli(*args, "--vault", new_vault.paths.root, "--passphrase-file", passphrase_file)

    return run


def test_cli_writes_the_timesheet_and_prints_its_json(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "december.docx"
    result = cli("timesheet", "--mentee", "M-300", "--from", "2025-12-01", "--to",
                 "2025-12-31", "--out", target, "--json")  # fmt: skip
    assert result.code == 0, result.stderr
    assert target.exists()
    data = json.loads(result.stdout)
    assert data["mentee"] == "M-300" and data["allocation"] == {"minutes": 600, "per": "month"}
    assert [r["outcome"] for r in data["rows"]] == [
        "attended", "did_not_attend", "cancelled_by_mentee", "cancelled_by_mentor",
        "cancelled_by_service", "ended_early", "ended_early",
    ]  # fmt: skip
    assert data["total"]["minutes_held"] == 105
    assert data["summary"][0]["remaining_minutes"] == 495
    assert "Robin" not in result.stdout  # JSON carries the code, not the name


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--mentee", "M-300", "--from", "1 Dec", "--to", "2025-12-31"), 2,
         "mentorjournal: --from must be a date like 2026-03-01."),
        (("--mentee", "M-300", "--from", "2025-12-31", "--to", "2025-12-01"), 2,
         "mentorjournal: --to cannot be before --from."),
        (("--mentee", "NOPE", "--from", "2025-12-01", "--to", "2025-12-31"), 1,
         "mentorjournal: There is no mentee with the code NOPE."),
    ],
)  # fmt: skip
def test_cli_refuses_bad_dates_and_unknown_mentees_with_one_line(
    cli: Run, tmp_path: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    target = tmp_path / "sheet.pdf"
    result = cli("timesheet", *args, "--out", target)
    assert result.code == code
    assert result.stderr.strip().splitlines() == [message]
    assert not target.exists()


def test_cli_records_an_outcome_and_an_allocation(cli: Run) -> None:
    listed = json.loads(cli("appointment", "list", "--mentee", "M-300", "--json").stdout)
    first = listed[0]["id"]
    missing = cli("appointment", "outcome", first, "--status", "cancelled_by_service")
    assert missing.code == 2 and "reason is required" in missing.stderr
    done = cli("appointment", "outcome", first, "--status", "ended_early", "--reason", "Unwell",
               "--held-minutes", "40", "--agreed", "yes")  # fmt: skip
    assert done.code == 0, done.stderr
    assert done.stdout.strip() == f"{first}\tended_early"
    shown = cli("allocation", "--mentee", "M-300", "--hours", "7.5", "--per", "term", "--json")
    assert json.loads(shown.stdout)["allocation"] == {"minutes": 450, "per": "term"}
    bad = cli("allocation", "--mentee", "M-300", "--hours", "lots", "--per", "term")
    assert bad.code == 2 and len(bad.stderr.strip().splitlines()) == 1
    cleared = cli("allocation", "--mentee", "M-300", "--clear")
    assert cleared.stdout.strip() == "M-300: no allocation"


def test_a_place_that_names_the_method_is_printed_once() -> None:
    from mentorjournal.domain import SessionMode
    from mentorjournal.domain.attendance import TimesheetRow
    from mentorjournal.export.timesheet import _where

    def row(place: str, method: SessionMode) -> TimesheetRow:
        return TimesheetRow(_at(1), _at(1, 11), 60, place, method, AppointmentStatus.ATTENDED)

    assert _where(row("Video", SessionMode.VIDEO)) == "Video"
    assert _where(row("Library", SessionMode.IN_PERSON)) == "Library, in person"
    assert _where(row("", SessionMode.PHONE)) == "Phone"


def test_a_service_billing_in_units_gets_units_per_session_and_in_total(
    memory_journal: Journal, tmp_path: Path
) -> None:
    from mentorjournal.export.timesheet import timesheet_json

    memory_journal.set_record_settings(
        RecordSettings(ServiceProfileKind.US_MEDICAID_PEER, Signer("Sam Example", "CPS"))
    )
    mentee = make_mentee(memory_journal, "M-301")
    for day, minutes in ((1, 53), (2, 52), (3, 60)):
        held = memory_journal.add_appointment(mentee.id, _at(day), minutes=minutes).value
        memory_journal.set_appointment_status(held.id, AppointmentStatus.ATTENDED)
    missed = memory_journal.add_appointment(mentee.id, _at(4)).value
    memory_journal.set_appointment_status(missed.id, AppointmentStatus.DID_NOT_ATTEND)
    target = tmp_path / "units.pdf"
    sheet = export_timesheet(memory_journal, "M-301", FIRST, LAST, target)
    assert [sheet.units(r) for r in sheet.rows] == [4, 3, 4, 0]  # a part unit from 8 minutes
    assert sheet.total_units == 11
    text = " ".join(_pdf_text(target).split())
    assert "53 (4 u)" in text and "52 (3 u)" in text and "165 (11 u)" in text
    data = timesheet_json(sheet)
    assert data["unit_minutes"] == 15 and [r["units"] for r in data["rows"]] == [4, 3, 4, 0]
    memory_journal.set_record_settings(RecordSettings(ServiceProfileKind.UK_DSA))
    uk = export_timesheet(memory_journal, "M-301", FIRST, LAST, tmp_path / "uk.pdf")
    assert uk.unit_minutes == 0 and " u)" not in _pdf_text(tmp_path / "uk.pdf")
