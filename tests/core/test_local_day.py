"""Which day is it? The mentor's local day, in every list, timeline and export.

Storage keeps UTC instants; ``clock.LocalZone`` answers "which day" and "what time to show" in
the mentor's zone. Each test runs on both sides of UTC (Sydney is UTC+11 in December, Los
Angeles UTC-8) and at UTC, with a session five minutes after local midnight: the hour in
which the UTC date and the local date disagree.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mentorjournal.clock import LocalZone, ManualClock, local_today
from mentorjournal.domain import TimelineKind
from mentorjournal.export.audited import export_mentee_record
from mentorjournal.journal import Journal
from tests.fixtures.journal_fixtures import make_mentee
from tests.fixtures.vault_fixtures import REPO_ROOT, CreatedVault, cli_command

ZONES = ["UTC", "Australia/Sydney", "America/Los_Angeles"]
DAY = date(2026, 12, 8)


@pytest.fixture(params=ZONES)
def zone(request: pytest.FixtureRequest) -> LocalZone:
    return LocalZone(ZoneInfo(request.param))


def _after_midnight(zone: LocalZone) -> datetime:
    """Five past midnight on DAY on the mentor's wall clock, as a UTC instant."""
    return zone.instant(DAY, time(0, 5))


def test_local_day_and_display_of_an_instant_just_after_local_midnight(zone: LocalZone) -> None:
    instant = _after_midnight(zone)
    assert instant.tzinfo is UTC
    assert zone.day_of(instant) == DAY
    assert zone.display(instant) == "8 December 2026, 00:05"
    assert zone.day_of(instant - timedelta(minutes=10)) == DAY - timedelta(days=1)


def test_the_utc_date_differs_from_the_local_one_east_of_greenwich() -> None:
    sydney = LocalZone(ZoneInfo("Australia/Sydney"))
    instant = _after_midnight(sydney)
    assert instant == datetime(2026, 12, 7, 13, 5, tzinfo=UTC)  # UTC+11 in summer
    assert sydney.day_of(instant) == DAY


def test_span_covers_whole_local_days_across_daylight_saving() -> None:
    sydney = LocalZone(ZoneInfo("Australia/Sydney"))  # summer time begins 4 October 2026
    start, end = sydney.span(date(2026, 10, 4), date(2026, 10, 4))
    assert start == datetime(2026, 10, 3, 14, 0, tzinfo=UTC)  # midnight at UTC+10
    assert end == datetime(2026, 10, 4, 13, 0, tzinfo=UTC)  # next midnight at UTC+11
    assert sydney.span(None, None) == (None, None)


def test_today_is_the_local_date(zone: LocalZone) -> None:
    clock = ManualClock(current=_after_midnight(zone), zone=zone)
    assert local_today(clock) == DAY


@pytest.fixture
def zoned_journal(journal: Journal, vault_clock: ManualClock, zone: LocalZone) -> Journal:
    """The shared test journal, its clock in ``zone`` at five past local midnight on DAY."""
    vault_clock.zone = zone
    vault_clock.current = _after_midnight(zone)
    return journal


def test_list_sessions_by_local_day(zoned_journal: Journal, zone: LocalZone) -> None:
    mentee = make_mentee(zoned_journal)
    note = zoned_journal.new_note(mentee.id, started_at=_after_midnight(zone)).value
    same_day = zoned_journal.list_sessions(mentee.id, since=DAY, until=DAY)
    assert [s.id for s in same_day] == [note.id]
    day_before = DAY - timedelta(days=1)
    assert zoned_journal.list_sessions(mentee.id, since=day_before, until=day_before) == []
    assert [n.id for n in zoned_journal.notes_for(mentee.id, since=DAY, until=DAY)] == [note.id]
    assert zoned_journal.today() == DAY


def test_timeline_files_entries_under_the_local_day(
    zoned_journal: Journal, zone: LocalZone
) -> None:
    mentee = make_mentee(zoned_journal)
    zoned_journal.new_note(mentee.id, started_at=_after_midnight(zone))
    zoned_journal.add_reflection("After the late session", mentee_id=mentee.id)
    goal = zoned_journal.add_goal(mentee.id, "Sleep before midnight").value
    zoned_journal.add_progress(goal.id, gas_level=0)  # on today(): the local day
    timeline = zoned_journal.timeline(mentee.id, since=DAY, until=DAY)
    assert sorted(e.kind for e in timeline) == sorted(
        [TimelineKind.SESSION, TimelineKind.REFLECTION, TimelineKind.PROGRESS]
    )
    assert {e.day for e in timeline} == {DAY}
    assert timeline[0].kind is TimelineKind.PROGRESS  # the day's midnight comes first
    assert zoned_journal.list_reflections(since=DAY, until=DAY)


def test_record_export_shows_local_day_and_time(
    zoned_journal: Journal, zone: LocalZone, tmp_path: Path
) -> None:
    mentee = make_mentee(zoned_journal, "TZ-1")
    zoned_journal.new_note(mentee.id, started_at=_after_midnight(zone))
    out = tmp_path / "record.md"
    export_mentee_record(zoned_journal, "TZ-1", out)
    text = out.read_text(encoding="utf-8")
    assert "Session of 8 December 2026, 00:05" in text
    assert "Exported 8 December 2026, 00:05" in text


TIMELINE_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mentorjournal.clock import SystemClock
    from mentorjournal.journal import Journal
    from mentorjournal.paths import VaultPaths

    root, passphrase, state = sys.argv[1:4]
    journal = Journal.open(VaultPaths(Path(root)), passphrase, clock=SystemClock(),
                           state_dir=Path(state))
    mentee = journal.mentee_by_code("TZ-CLI")
    for entry in journal.timeline(mentee.id):
        print(entry.day.isoformat(), entry.when.astimezone().strftime("%H:%M"))
    journal.lock()
    """
)


def test_sydney_note_at_nine_is_the_eighth_at_nine_in_export_and_timeline(
    new_vault: CreatedVault, passphrase_file: Path, tmp_path: Path
) -> None:
    """With TZ=Australia/Sydney, a note started 2026-12-08T09:00 is 8 December, 09:00."""
    new_vault.vault.lock()
    env = {**os.environ, "TZ": "Australia/Sydney"}
    vault = ["--vault", str(new_vault.paths.root), "--passphrase-file", str(passphrase_file)]

    def cli(*args: str, stdin: str = "") -> str:
        done = subprocess.run(
            cli_command(*args, *vault), input=stdin.encode(), capture_output=True,
            cwd=REPO_ROOT, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode()

    cli("mentee", "add", "--code", "TZ-CLI")
    cli("note", "add", "--mentee", "TZ-CLI", "--started", "2026-12-08T09:00", stdin="Met at nine.")
    out = tmp_path / "record.md"
    cli("export", "--mentee", "TZ-CLI", "--out", str(out))
    assert "Session of 8 December 2026, 09:00" in out.read_text(encoding="utf-8")
    timeline = subprocess.run(
        [sys.executable, "-c", TIMELINE_SCRIPT, str(new_vault.paths.root),
         new_vault.passphrase, str(new_vault.state_dir)],
        capture_output=True, cwd=REPO_ROOT, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert timeline.returncode == 0, timeline.stderr.decode()
    assert timeline.stdout.decode().split() == ["2026-12-08", "09:00"]


def test_demo_sessions_fall_in_working_hours_on_the_local_clock(zone: LocalZone) -> None:
    from mentorjournal.demo import generate_demo

    data = generate_demo(mentees=2, sessions=40, seed=7, today=DAY, zone=zone)
    hours = {zone.local(n.started_at).hour for n in data.notes}
    assert hours and hours <= set(range(9, 18))
    assert max(zone.day_of(n.started_at) for n in data.notes) <= DAY


def test_note_show_prints_the_local_wall_clock(
    new_vault: CreatedVault, passphrase_file: Path
) -> None:
    new_vault.vault.lock()
    env = {**os.environ, "TZ": "America/Los_Angeles"}
    vault = ["--vault", str(new_vault.paths.root), "--passphrase-file", str(passphrase_file)]

    def cli(*args: str, stdin: str = "") -> str:
        done = subprocess.run(
            cli_command(*args, *vault), input=stdin.encode(), capture_output=True,
            cwd=REPO_ROOT, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr.decode()
        return done.stdout.decode()

    cli("mentee", "add", "--code", "TZ-LA")
    added = cli("note", "add", "--mentee", "TZ-LA", "--started", "2026-12-08T00:05", stdin="Late.")
    shown = cli("note", "show", added.strip().splitlines()[-1])
    assert "started: 2026-12-08T00:05:00-08:00" in shown
