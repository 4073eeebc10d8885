"""``mentorjournal disclosure``: text on stdin only, corrections, JSON, and the record export."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from mentorjournal.journal import Journal
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]

TEXT = """## What
Said they planned to hurt their stepfather.

## Reasoning
A named person at serious risk.

## Advice
Supervisor agreed on the phone.
"""


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


def _add(cli: Run, *extra: str, stdin: str = TEXT) -> CliResult:
    return cli(
        "disclosure", "add", "--mentee", "M-001", "--basis", "risk_to_others", "--to",
        "Police non-emergency line", "--method", "phone", "--at", "2026-01-04T15:00+00:00",
        "--reference", "PN-123", "--told", "after", *extra, stdin=stdin,
    )  # fmt: skip


def test_add_list_and_correct(cli: Run) -> None:
    _ok(cli("mentee", "add", "--code", "M-001"))
    first = _ok(_add(cli)).strip().splitlines()[-1]
    second = _ok(_add(cli, "--corrects", first)).strip().splitlines()[-1]
    listed = json.loads(_ok(cli("disclosure", "list", "--mentee", "M-001", "--json")))
    assert [e["id"] for e in listed] == [second]
    entry = listed[0]
    assert (entry["what"], entry["reasoning"], entry["advice_sought"]) == (
        "Said they planned to hurt their stepfather.",
        "A named person at serious risk.",
        "Supervisor agreed on the phone.",
    )
    assert (entry["reference"], entry["informed"], entry["corrects_id"]) == (
        "PN-123",
        "after",
        first,
    )
    everything = json.loads(_ok(cli("disclosure", "list", "--mentee", "M-001", "--json", "--all")))
    assert len(everything) == 2
    plain = _ok(cli("disclosure", "list", "--mentee", "M-001"))
    assert "Risk of serious harm to others: to Police non-emergency line by phone" in plain


@pytest.mark.parametrize(
    ("stdin", "extra", "message"),
    [
        ("Said something\n", (), "must start with a heading"),
        ("## What\nx\n## Why\ny\n", (), "Unknown heading"),
        ("## What\nx\n", (), "reasoning"),
        (TEXT, ("--told", "not_told"), "write down why"),
        (TEXT, ("--at", "yesterday"), "--at"),
        (TEXT, ("--at", "2099-01-01T10:00+00:00"), "future"),
    ],
)
def test_bad_input_is_one_line_and_records_nothing(
    cli: Run, stdin: str, extra: tuple[str, ...], message: str
) -> None:
    _ok(cli("mentee", "add", "--code", "M-001"))
    result = _add(cli, *extra, stdin=stdin)
    assert result.code in (1, 2) and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(_ok(cli("disclosure", "list", "--mentee", "M-001", "--json", "--all"))) == []


def test_the_mentee_record_export_lists_disclosures(cli: Run, tmp_path: Path) -> None:
    _ok(cli("mentee", "add", "--code", "M-001"))
    first = _ok(_add(cli)).strip().splitlines()[-1]
    _ok(_add(cli, "--corrects", first))
    out = tmp_path / "record.docx"
    _ok(cli("export", "--mentee", "M-001", "--out", str(out)))
    document = docx.Document(str(out))
    headings = [p.text for p in document.paragraphs]
    assert "Information shared (disclosures)" in headings
    assert any(p.startswith("Corrected by the entry recorded") for p in headings)
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Police non-emergency line" in cells and "Told afterwards" in cells


def test_the_demo_vault_holds_a_disclosure_linked_to_a_risk_note(memory_journal: Journal) -> None:
    memory_journal.fill_demo(mentees=2, sessions=40, seed=3)
    ((mentee_id, count),) = memory_journal.disclosure_counts().items()
    entry = memory_journal.list_disclosures(mentee_id)[0]
    assert count == 1 and entry.note_id is not None
    assert memory_journal.get_note(entry.note_id).risk_flag
