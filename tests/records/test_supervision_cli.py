"""``mentorjournal supervision log|hours``: the ledger read from the command line, as JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentorjournal import domain as d
from mentorjournal.clock import SystemClock
from mentorjournal.domain.supervision import SupervisionFunction as F
from mentorjournal.domain.supervision_ledger import SupervisionAgreement
from mentorjournal.journal import Journal
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]


@pytest.fixture
def cli(new_vault: CreatedVault, passphrase_file: Path, run_cli: Run) -> Run:
    # The command line reads the system clock, so the records are made on it too.
    journal = Journal(new_vault.vault.connection, SystemClock())
    today = journal.today()
    first = today.replace(day=1)
    logged = d.SupervisionSession(
        d.new_id(), first, "Dr Ada Example", minutes=90,
        functions=frozenset({F.NORMATIVE, F.RESTORATIVE}),
    )  # fmt: skip
    journal.save_supervision(logged)
    journal.save_supervision(d.SupervisionSession(d.new_id(), first, "Dr Ada Example"))
    journal.sign_off_supervision(logged.id, name="Dr Ada Example", signed_on=first)
    agreement = SupervisionAgreement(
        d.new_id(), "Dr Ada Example", first - timedelta(days=400), "Practice", "Monthly",
        "Here", "Risk", target_hours_per_month=2,
    )  # fmt: skip
    journal.save_supervision_agreement(agreement)
    new_vault.vault.lock()

    def run(*args: str) -> CliResult:
        return run_cli(*args, "--vault", new_vault.paths.root, "--passphrase-file", passphrase_file)

    return run


def test_the_log_lists_each_meeting_with_its_sign_off(cli: Run) -> None:
    result = cli("supervision", "log", "--json")
    assert result.code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert len(rows) == 2
    logged = next(r for r in rows if r["minutes"] == 90)
    assert logged["functions"] == ["normative", "restorative"]
    assert logged["signed_off"]["name"] == "Dr Ada Example"
    unlogged = next(r for r in rows if r["minutes"] is None)
    assert unlogged["signed_off"] is None
    plain = cli("supervision", "log").stdout
    assert "signed off by Dr Ada Example" in plain and "not logged" in plain


def test_hours_by_month_against_the_agreements_target(cli: Run) -> None:
    result = cli("supervision", "hours", "--json")
    assert result.code == 0, result.stderr
    hours = json.loads(result.stdout)
    this_month = hours["months"][-1]
    assert (this_month["minutes"], this_month["meetings"], this_month["met"]) == (90, 1, False)
    assert this_month["target_minutes"] == 120
    assert hours["target_source"] == "your supervision agreement"
    assert len(hours["months"]) == int(hours["months"][-1]["month"][5:])


def test_a_year_to_come_is_refused_in_one_line(cli: Run) -> None:
    result = cli("supervision", "hours", "--year", str(date.today().year + 1))
    assert result.code != 0 and "still to come" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_log_exports_to_pdf_docx_and_markdown_without_case_material(
    cli: Run, tmp_path: Path
) -> None:
    import docx
    import pypdf

    for name in ("log.pdf", "log.docx", "log.md"):
        result = cli("supervision", "export", "--out", str(tmp_path / name))
        assert result.code == 0, result.stderr
    text = (tmp_path / "log.md").read_text(encoding="utf-8")
    pdf = " ".join(p.extract_text() for p in pypdf.PdfReader(str(tmp_path / "log.pdf")).pages)
    word = docx.Document(str(tmp_path / "log.docx"))
    cells = " ".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    for shown in (text, " ".join(pdf.split()), cells):
        assert "Dr Ada Example" in shown and "90 min" in shown
    assert "Limits of confidentiality" in text and "normative, restorative" in text
    assert "Dr Ada Example, " in text  # the sign-off: name and date
    bad = cli("supervision", "export", "--out", str(tmp_path / "log.txt"))
    assert bad.code != 0 and len(bad.stderr.strip().splitlines()) == 1
