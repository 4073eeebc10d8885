"""CPD against a scheme through the journal and the CLI: stored, audited, local days, exports open."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import docx
import pypdf
import pytest

from mentorjournal.clock import LocalZone, ManualClock
from mentorjournal.domain.cpd import CpdCategory
from mentorjournal.domain.cpd_scheme import CategoryMinimum, CpdRule, CpdScheme, SchemeKind
from mentorjournal.journal import Journal
from mentorjournal.storage import audit
from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]


def test_the_scheme_is_stored_once_and_its_change_audited(memory_journal: Journal) -> None:
    assert memory_journal.cpd_scheme() is None
    memory_journal.set_cpd_scheme(CpdScheme(SchemeKind.UMHAN, date(2025, 9, 1)))
    rule = CpdRule(
        "Bank staff", 6, 8, (CategoryMinimum("Law", frozenset({CpdCategory.LAW}), 2),), 3
    )
    custom = CpdScheme(SchemeKind.CUSTOM, date(2026, 1, 1), rule)
    changed = memory_journal.set_cpd_scheme(custom)
    assert changed.changes.cpd
    assert memory_journal.cpd_scheme() == custom
    events = [
        (e.action, e.kind, e.detail)
        for e in audit.events(db_of(memory_journal), limit=10000)
        if e.kind == "cpd_scheme"
    ]
    assert events == [("create", "cpd_scheme", "umhan"), ("edit", "cpd_scheme", "custom")]


def test_a_categorised_entry_round_trips_and_counts(memory_journal: Journal) -> None:
    memory_journal.set_cpd_scheme(CpdScheme(SchemeKind.ICRC_PEER_RECOVERY, date(2025, 1, 1)))
    entry = memory_journal.add_cpd(
        "Boundaries and dual relationships", date(2025, 6, 1), 6, category=CpdCategory.ETHICS
    ).value
    memory_journal.add_cpd("Older entry", date(2025, 7, 1), 14)
    assert memory_journal.list_cpd()[-1] == entry
    progress = memory_journal.cpd_progress(date(2025, 8, 1))
    assert progress is not None
    assert progress.met and progress.minimums[0].done == 6


@pytest.mark.parametrize(
    ("zone", "expected"),
    [("Pacific/Auckland", date(2026, 9, 1)), ("America/Los_Angeles", date(2026, 8, 31))],
)
def test_the_cycle_turns_on_the_mentors_local_day(
    tmp_path: Path, zone: str, expected: date
) -> None:
    """At 23:30 UTC on 31 August it is already 1 September in Auckland, not in Los Angeles."""
    from mentorjournal.storage.connection import open_database
    from tests.fixtures.journal_fixtures import TEST_DB_KEY

    clock = ManualClock(datetime(2026, 8, 31, 23, 30, tzinfo=UTC), zone=LocalZone(ZoneInfo(zone)))
    journal = Journal(open_database(tmp_path / "j.db", TEST_DB_KEY, create=True), clock)
    try:
        journal.set_cpd_scheme(CpdScheme(SchemeKind.UMHAN, date(2025, 9, 1)))
        journal.add_cpd("Workshop", date(2026, 3, 1), 6)
        assert journal.today() == expected
        progress = journal.cpd_progress()
        assert progress is not None
        new_cycle = expected == date(2026, 9, 1)
        assert progress.hours.done == (0 if new_cycle else 6)
    finally:
        journal.lock()


@pytest.fixture
def cli(new_vault: CreatedVault, passphrase_file: Path, run_cli: Run) -> Run:
    new_vault.vault.lock()

    def run(*args: str, stdin: str | None = None) -> CliResult:
        return run_cli(
            *args, "--vault", new_vault.paths.root, "--passphrase-file", passphrase_file,
            stdin=stdin,
        )  # fmt: skip

    return run


def _ok(result: CliResult) -> str:
    assert result.code == 0, result.stderr
    return result.stdout


def _seed(cli: Run) -> None:
    _ok(cli("cpd", "scheme", "--set", "california_peer", "--cycle-start", "2025-01-01"))
    for activity, on, hours, category in (
        ("Confidentiality law update", "2025-02-01", "3", "law"),
        ("Ethics in peer work", "2025-03-01", "2", "ethics"),
        ("Suicide prevention", "2025-04-01", "7.5", "safeguarding"),
    ):
        _ok(cli("cpd", "add", "--activity", activity, "--on", on, "--hours", hours,
                "--category", category, "--evidence", "cert.pdf"))  # fmt: skip
    _ok(cli("cpd", "add", "--activity", "Reading", "--on", "2025-05-01", "--hours", "1",
            "--learning-stdin", stdin="Learnt to ask open questions."))  # fmt: skip


def test_cpd_summary_json_gives_hours_by_category_and_progress(cli: Run) -> None:
    _seed(cli)
    summary = json.loads(_ok(cli("cpd", "summary", "--json", "--on", "2025-06-01")))
    assert summary["total_hours"] == 13.5 and summary["activities"] == 4
    assert [(c["category"], c["hours"]) for c in summary["hours_by_category"]] == [
        ("ethics", 2.0), ("law", 3.0), ("safeguarding", 7.5), (None, 1.0)
    ]  # fmt: skip
    progress = summary["progress"]
    assert summary["scheme"] == "california_peer"
    assert (progress["cycle_start"], progress["cycle_end"]) == ("2025-01-01", "2026-12-31")
    assert progress["minimums"] == [
        {"label": "Law and ethics", "required": 6.0, "done": 5.0, "met": False}
    ]
    assert progress["shortfalls"] == ["6.5 more hours in all", "1 more hours of law and ethics"]
    assert progress["met"] is False


def test_a_custom_scheme_from_the_cli(cli: Run) -> None:
    _ok(cli("cpd", "scheme", "--set", "custom", "--cycle-start", "2026-01-01", "--name",
            "Bank staff", "--months", "12", "--hours", "10", "--minimum", "law+ethics=3",
            "--activities", "2"))  # fmt: skip
    shown = json.loads(_ok(cli("cpd", "scheme")))
    assert shown["rule"]["minimums"] == [
        {"label": "Ethics and Law", "categories": ["ethics", "law"], "hours": 3.0}
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("cpd", "add", "--activity", "X", "--on", "2025-13-01", "--hours", "1"), "--on"),
        (("cpd", "add", "--activity", "X", "--on", "2025-01-01", "--hours", "0"), "Hours"),
        (("cpd", "scheme", "--set", "custom", "--cycle-start", "2026-01-01"), "--name"),
        (("cpd", "scheme", "--set", "umhan"), "--cycle-start"),
        (
            (
                "cpd",
                "scheme",
                "--set",
                "custom",
                "--cycle-start",
                "2026-01-01",
                "--name",
                "X",
                "--months",
                "12",
                "--hours",
                "5",
                "--minimum",
                "ethics:3",
            ),
            "--minimum",
        ),
        (("cpd", "export", "--out", "log.txt"), ".pdf"),
    ],
)
def test_bad_input_is_one_clear_line_and_changes_nothing(
    cli: Run, args: tuple[str, ...], message: str
) -> None:
    result = cli(*args)
    assert result.code in (1, 2)
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert json.loads(_ok(cli("cpd", "summary", "--json")))["activities"] == 0
    assert json.loads(_ok(cli("cpd", "scheme"))) is None


def test_the_renewal_log_opens_as_pdf_and_docx_and_is_audited(
    cli: Run, tmp_path: Path, new_vault: CreatedVault
) -> None:
    _seed(cli)
    pdf_path, docx_path = tmp_path / "cpd.pdf", tmp_path / "cpd.docx"
    _ok(cli("cpd", "export", "--out", str(pdf_path), "--from", "2025-01-01", "--to", "2025-12-31"))
    _ok(cli("cpd", "export", "--out", str(docx_path), "--from", "2025-01-01", "--to", "2025-12-31"))
    pages = pypdf.PdfReader(io.BytesIO(pdf_path.read_bytes())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    for words in ("CPD log", "California Medi-Cal Peer Support Specialist", "Law and ethics hours",
                  "Confidentiality law update", "Not categorised", "Learnt to ask open questions"):  # fmt: skip
        assert words in text
    document = docx.Document(str(docx_path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Suicide prevention" in cells and "Safeguarding" in cells
    journal = Journal.open(
        new_vault.paths, new_vault.passphrase, clock=ManualClock(), state_dir=new_vault.state_dir
    )
    try:
        exports = [e for e in audit.events(db_of(journal), limit=10000) if e.kind == "cpd_log"]
    finally:
        journal.lock()
    assert [e.detail for e in exports] == ["entries=4;format=pdf", "entries=4;format=docx"]


def test_the_demo_vault_follows_a_scheme_with_categorised_cpd(memory_journal: Journal) -> None:
    memory_journal.fill_demo(mentees=2, sessions=40, seed=3)
    progress = memory_journal.cpd_progress()
    assert progress is not None and progress.scheme == "UMHAN accredited practitioner"
    assert progress.activities_done > 0
    assert all(e.category is not None for e in memory_journal.list_cpd())
