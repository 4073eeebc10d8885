"""The caseload CLI contracts: appointment add/list/export, measure add/list, caseload --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import icalendar
import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]
CASELOAD_KEYS = {
    "mentee",
    "status",
    "last_session",
    "days_since_last_session",
    "next_appointment",
    "open_risk_followups",
    "unsigned_drafts",
    "goals_review_due",
    "consent_reviews_due",
    "latest_measures",
    "gas_t_score",
}


@pytest.fixture
def cli(new_vault: CreatedVault, passphrase_file: Path, run_cli: Run) -> Run:
    new_vault.vault.lock()

    def run(*args: str | Path) -> CliResult:
        return run_cli(*args, "--vault", new_vault.paths.root, "--passphrase-file", passphrase_file)

    return run


def _ok(result: CliResult) -> str:
    assert result.code == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _tomorrow_at(hour: int) -> str:
    return f"{date.today() + timedelta(days=1)}T{hour:02d}:30"


def test_appointment_add_prints_the_id_and_list_json_has_the_contract_fields(cli: Run) -> None:
    _ok(cli("mentee", "add", "--code", "M-010", "--name", "Robin Testperson"))
    at = _tomorrow_at(14)
    appointment_id = _ok(
        cli("appointment", "add", "--mentee", "M-010", "--at", at, "--minutes", "45",
            "--mode", "video")
    )  # fmt: skip
    listed = json.loads(cli("appointment", "list", "--mentee", "M-010", "--json").stdout)
    assert listed == [
        {
            "id": appointment_id,
            "mentee": "M-010",
            "at": listed[0]["at"],
            "minutes": 45,
            "mode": "video",
            "status": "planned",
            "reason": "",
            "held_minutes": None,
            "early_end_agreed": None,
        }
    ]
    assert listed[0]["at"].startswith(at)


@pytest.mark.parametrize("at", ["2026-03-02", "2026-03-02T25:00", "next Tuesday"])
def test_appointment_add_refuses_a_start_without_a_valid_time_with_exit_2(
    cli: Run, at: str
) -> None:
    _ok(cli("mentee", "add", "--code", "M-016"))
    result = cli("appointment", "add", "--mentee", "M-016", "--at", at)
    assert result.code == 2
    assert result.stderr.strip().splitlines() == [
        "mentorjournal: --at must be a local date and time like 2026-03-01T14:30."
    ]
    assert json.loads(cli("appointment", "list", "--mentee", "M-016", "--json").stdout) == []


def test_appointment_list_filters_by_local_days(cli: Run) -> None:
    _ok(cli("mentee", "add", "--code", "M-011"))
    first = _ok(cli("appointment", "add", "--mentee", "M-011", "--at", "2026-04-01T09:00"))
    _ok(cli("appointment", "add", "--mentee", "M-011", "--at", "2026-04-03T09:00"))
    listed = json.loads(
        cli("appointment", "list", "--from", "2026-04-01", "--to", "2026-04-02", "--json").stdout
    )
    assert [a["id"] for a in listed] == [first]
    bad = cli("appointment", "list", "--from", "April", "--json")
    assert bad.code == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_appointment_export_writes_an_ics_that_parses_and_holds_codes_not_names(
    cli: Run, tmp_path: Path
) -> None:
    _ok(cli("mentee", "add", "--code", "M-012", "--name", "Robin Testperson",
            "--first-name", "Robin", "--last-name", "Testperson"))  # fmt: skip
    _ok(cli("appointment", "add", "--mentee", "M-012", "--at", "2026-05-04T10:00",
            "--minutes", "50", "--mode", "phone"))  # fmt: skip
    target = tmp_path / "sessions.ics"
    assert cli("appointment", "export", "--ics", target).code == 0
    raw = target.read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert "M-012" in str(event["summary"])
    start = event.decoded("dtstart")
    end = event.decoded("dtend")
    assert end - start == timedelta(minutes=50)
    assert start == datetime.fromisoformat("2026-05-04T10:00").astimezone()
    text = raw.decode("utf-8")
    for name in ("Robin", "Testperson"):
        assert name not in text


def test_measure_add_prints_score_and_band_and_list_json_returns_it(cli: Run) -> None:
    _ok(cli("mentee", "add", "--code", "M-013"))
    line = _ok(
        cli("measure", "add", "--mentee", "M-013", "--instrument", "phq9",
            "--answers", "2,2,1,1,1,2,1,1,0", "--on", "2026-02-01")
    )  # fmt: skip
    assert line == "PHQ-9 11 (moderate)"
    assert _ok(cli("measure", "add", "--mentee", "M-013", "--instrument", "gad7",
                   "--answers", "0,0,1,0,1,0,0")) == "GAD-7 2 (minimal)"  # fmt: skip
    listed = json.loads(cli("measure", "list", "--mentee", "M-013", "--json").stdout)
    assert [(m["instrument"], m["score"], m["band"]) for m in listed] == [
        ("phq9", 11, "moderate"),
        ("gad7", 2, "minimal"),
    ]
    assert listed[0]["on"] == "2026-02-01"


@pytest.mark.parametrize(
    "answers",
    ["1,1,1,1,1,1,1,1", "1,1,1,1,1,1,1,1,1,1", "1,1,1,1,4,1,1,1,1", "1,1,1,1,-1,1,1,1,1",
     "1,1,x,1,1,1,1,1,1"],
)  # fmt: skip
def test_measure_add_refuses_wrong_count_or_range_with_exit_2_and_one_line(
    cli: Run, answers: str, new_vault: CreatedVault
) -> None:
    _ok(cli("mentee", "add", "--code", "M-014"))
    result = cli("measure", "add", "--mentee", "M-014", "--instrument", "phq9",
                 "--answers", answers)  # fmt: skip
    assert result.code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(cli("measure", "list", "--mentee", "M-014", "--json").stdout) == []


def test_phq9_item_nine_above_zero_opens_a_risk_follow_up(
    cli: Run, new_vault: CreatedVault
) -> None:
    _ok(cli("mentee", "add", "--code", "M-015"))
    result = cli("measure", "add", "--mentee", "M-015", "--instrument", "phq9",
                 "--answers", "1,1,1,1,1,1,1,1,1")  # fmt: skip
    assert result.code == 0
    assert result.stdout.strip() == "PHQ-9 9 (mild)"  # the score line alone, for scripts
    assert "coping plan" in result.stderr
    journal = Journal.open(new_vault.paths, new_vault.passphrase, clock=ManualClock(),
                           state_dir=new_vault.state_dir)  # fmt: skip
    try:
        followups = journal.followups(open_only=True)
    finally:
        journal.lock()
    assert len(followups) == 1 and followups[0].source_kind.value == "measure"
    caseload = json.loads(cli("caseload", "--json").stdout)
    assert caseload[0]["open_risk_followups"] == 1


def test_caseload_json_on_a_demo_vault_lists_next_appointments_measures_and_gas(
    cli: Run,
) -> None:
    assert cli("demo", "--mentees", "8", "--sessions", "400", "--seed", "3").code == 0
    entries = json.loads(cli("caseload", "--json").stdout)
    assert entries, "a demo vault has active mentees"
    for entry in entries:
        assert set(entry) >= CASELOAD_KEYS
        assert entry["status"] == "active"
    ready = [
        e
        for e in entries
        if e["next_appointment"] is not None
        and any(m["instrument"] in ("phq9", "gad7") for m in e["latest_measures"])
        and e["gas_t_score"] is not None
        and 20 <= e["gas_t_score"] <= 80
    ]
    assert ready, entries
    assert all("M-" in e["mentee"] for e in entries)
    earlier = json.loads(
        cli("caseload", "--json", "--on", str(date.today() - timedelta(days=60))).stdout
    )
    assert {e["mentee"] for e in earlier} == {e["mentee"] for e in entries}
    assert cli("caseload", "--on", "someday").code == 2


def test_export_caseload_and_a_single_note_with_the_document_writers(
    cli: Run, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    _ok(cli("mentee", "add", "--code", "M-016", "--name", "Robin Testperson"))
    _ok(cli("appointment", "add", "--mentee", "M-016", "--at", _tomorrow_at(10)))
    listing = tmp_path / "caseload.md"
    assert _ok(cli("export", "--caseload", "--out", listing)) == str(listing)
    text = listing.read_text(encoding="utf-8")
    assert "M-016" in text and "Robin" not in text
    pdf = tmp_path / "caseload.pdf"
    assert cli("export", "--caseload", "--out", pdf).code == 0
    assert "M-016" in "".join(page.extract_text() for page in PdfReader(pdf).pages)
    note_id = _ok(run_note(cli))
    note_file = tmp_path / "note.docx"
    assert _ok(cli("export", "--note", note_id, "--out", note_file)) == str(note_file)
    assert note_file.stat().st_size > 0
    assert cli("export", "--note", note_id, "--caseload", "--out", note_file).code == 2


def run_note(cli: Run) -> CliResult:
    return cli("note", "add", "--mentee", "M-016")


def test_the_caseload_list_title_writes_the_day_as_every_other_export_does() -> None:
    """ "7 December 2026", as in "Exported 7 December 2026, 14:09", not "07 December"."""
    from datetime import UTC, date, datetime
    from zoneinfo import ZoneInfo

    from mentorjournal.clock import LocalZone
    from mentorjournal.export.caseload_list import caseload_document

    zone = LocalZone(ZoneInfo("Europe/London"))
    doc = caseload_document(
        [], date(2026, 12, 7), datetime(2026, 12, 7, 14, 9, tzinfo=UTC), zone=zone
    )
    assert doc.title == "Caseload on 7 December 2026"
    assert doc.subtitle.startswith("Exported 7 December 2026")
