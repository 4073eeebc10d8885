"""``mentorjournal export``/``import``: real vault, real files, typed exit codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit
from tests.export.supervision_seed import Caseload, seed_caseload
from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.vault_fixtures import CliResult

Cli = Callable[..., CliResult]


@pytest.fixture
def seeded(journal: Journal) -> Caseload:
    """A caseload in the vault, then locked so the CLI can open it."""
    caseload = seed_caseload(journal)
    journal.save_plan(
        caseload.first.id,
        {
            __import__(
                "mentorjournal.domain", fromlist=["PlanSection"]
            ).PlanSection.PROFESSIONALS: ["Samaritans — 116 123"]
        },
    )
    journal.lock()
    return caseload


@pytest.fixture
def vault_args(seeded: Caseload, vault_paths: VaultPaths, passphrase_file: Path) -> list[str]:
    """Options that open the seeded vault from the CLI."""
    return ["--vault", str(vault_paths.root), "--passphrase-file", str(passphrase_file)]


@pytest.fixture
def export_events(
    vault_paths: VaultPaths, passphrase: str, vault_clock: ManualClock, vault_state_dir: Path
) -> Callable[[], list[str]]:
    """Reopen the vault and list the kinds of its audited exports."""

    def read() -> list[str]:
        reopened = Journal.open(
            vault_paths, passphrase, clock=vault_clock, state_dir=vault_state_dir
        )
        try:
            events = audit.events(db_of(reopened), limit=1000)
        finally:
            reopened.lock()
        return [e.kind for e in events if e.action == "export"]

    return read


def test_supervision_export_writes_an_anonymised_pdf(
    seeded: Caseload,
    run_cli: Cli,
    vault_args: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "summary.pdf"
    result = run_cli(
        "export",
        "--supervision",
        "--from",
        "2026-01-01",
        "--to",
        "2026-01-31",
        "--mentee",
        "M-901",
        "--out",
        out,
        *vault_args,
    )
    assert result.code == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(out)
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(str(out)).pages)
    assert "Mentee A" in text
    for value in seeded.strings["M-901"]:
        assert not re.search(rf"\b{re.escape(value)}", text, re.IGNORECASE), value


def test_supervision_export_is_audited(
    seeded: Caseload,
    run_cli: Cli,
    vault_args: list[str],
    export_events: Callable[[], list[str]],
    tmp_path: Path,
) -> None:
    out = tmp_path / "summary.md"
    args = vault_args
    assert (
        run_cli(
            "export",
            "--supervision",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
            "--dates",
            "month",
            "--out",
            out,
            *args,
        ).code
        == 0
    )
    assert "January 2026" in out.read_text(encoding="utf-8")
    assert export_events() == ["supervision_summary"]


def test_mentee_record_and_coping_plan_exports(
    seeded: Caseload,
    run_cli: Cli,
    vault_args: list[str],
    tmp_path: Path,
) -> None:
    args = vault_args
    record = tmp_path / "record.md"
    assert run_cli("export", "--mentee", "M-901", "--out", record, *args).code == 0
    text = record.read_text(encoding="utf-8")
    assert "# Record of M-901" in text and "Morwenna Quillfeather" in text
    plan = tmp_path / "plan.pdf"
    result = run_cli("export", "--coping-plan", "M-901", "--out", plan, *args)
    assert result.code == 0, result.stderr
    reader = pypdf.PdfReader(str(plan))
    assert len(reader.pages) == 1 and "116 123" in reader.pages[0].extract_text()


BAD_USAGE = [
    (
        ["--supervision", "--from", "2026-01-01", "--to", "2026-01-31", "--out", "x.txt"],
        ".md, .pdf or .docx",
    ),
    (
        ["--supervision", "--from", "yesterday", "--to", "2026-01-31", "--out", "x.md"],
        "--from must be a date",
    ),
    (["--supervision", "--to", "2026-01-31", "--out", "x.md"], "--from DATE is required"),
    (["--supervision", "--json", "x.json"], "one export at a time"),
    ([], "Say what to export"),
    (["--coping-plan", "M-901", "--out", "plan.md"], "is a PDF"),
]


def test_bad_usage_exits_2_with_one_clear_line_and_writes_nothing(
    seeded: Caseload,
    run_cli: Cli,
    vault_args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    for extra, message in BAD_USAGE:
        result = run_cli("export", *extra, *vault_args)
        assert result.code == 2, extra
        assert message in result.stderr, extra
        assert list(work.iterdir()) == [], extra


def test_unknown_mentee_exits_1_and_writes_nothing(
    seeded: Caseload,
    run_cli: Cli,
    vault_args: list[str],
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.md"
    result = run_cli("export", "--mentee", "M-404", "--out", out, *vault_args)
    assert result.code == 1 and "M-404" in result.stderr
    assert not out.exists()


def test_wrong_passphrase_exits_3(
    seeded: Caseload,
    run_cli: Cli,
    vault_paths: VaultPaths,
    tmp_path: Path,
) -> None:
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase at all\n", encoding="utf-8")
    out = tmp_path / "r.md"
    result = run_cli(
        "export",
        "--mentee",
        "M-901",
        "--out",
        out,
        "--vault",
        vault_paths.root,
        "--passphrase-file",
        wrong,
    )
    assert result.code == 3
    assert not out.exists()


def test_json_export_then_import_into_a_new_vault(
    seeded: Caseload, run_cli: Cli, vault_args: list[str], tmp_path: Path, passphrase_file: Path
) -> None:
    dump = tmp_path / "vault.json"
    result = run_cli("export", "--json", dump, *vault_args)
    assert result.code == 0, result.stderr
    assert dump.stat().st_mode & 0o777 == 0o600
    assert "Morwenna Quillfeather" in dump.read_text(encoding="utf-8")
    other = tmp_path / "other-vault"
    init = run_cli("init", "--vault", other, "--passphrase-file", passphrase_file)
    assert init.code == 0, init.stderr
    imported = run_cli(
        "import", "--json", dump, "--vault", other, "--passphrase-file", passphrase_file
    )
    assert imported.code == 0, imported.stderr
    record = tmp_path / "record.md"
    shown = run_cli(
        "export",
        "--mentee",
        "M-901",
        "--out",
        record,
        "--vault",
        other,
        "--passphrase-file",
        passphrase_file,
    )
    assert shown.code == 0, shown.stderr
    assert "Morwenna Quillfeather" in record.read_text(encoding="utf-8")


def test_import_of_a_malformed_file_fails_cleanly(
    seeded: Caseload, run_cli: Cli, vault_args: list[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli("import", "--json", bad, *vault_args)
    assert result.code == 1
    assert result.stderr.count("\n") <= 2 and "Traceback" not in result.stderr
