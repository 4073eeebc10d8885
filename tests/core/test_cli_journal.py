"""The journal CLI contract: mentee and note commands, ids on the last line, exit code 6."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorjournal.clock import ManualClock
from mentorjournal.errors import RecordSigned
from mentorjournal.journal import Journal
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]
EXIT_SIGNED = RecordSigned.exit_code


@pytest.fixture
def cli(new_vault: CreatedVault, passphrase_file: Path, run_cli: Run) -> Run:
    """``run_cli`` bound to a fresh vault: pass the command words and stdin only."""
    new_vault.vault.lock()  # the CLI opens the vault itself

    def run(*args: str, stdin: str | bytes | None = None) -> CliResult:
        return run_cli(
            *args,
            "--vault",
            new_vault.paths.root,
            "--passphrase-file",
            passphrase_file,
            stdin=stdin,
        )

    return run


def _last_line(result: CliResult) -> str:
    assert result.code == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _open(new_vault: CreatedVault) -> Journal:
    return Journal.open(
        new_vault.paths,
        new_vault.passphrase,
        clock=ManualClock(),
        state_dir=new_vault.state_dir,
    )


def test_mentee_add_prints_the_id_and_list_shows_the_code(cli: Run) -> None:
    mentee_id = _last_line(cli("mentee", "add", "--code", "M-017", "--name", "Sam Example"))
    listing = cli("mentee", "list")
    assert listing.code == 0
    assert listing.stdout.splitlines() == [f"M-017\tactive\t{mentee_id}"]
    assert "Sam" not in listing.stdout  # names only on request
    assert "Sam Example" in cli("mentee", "list", "--names").stdout


def test_a_duplicate_code_is_a_clear_error(cli: Run) -> None:
    cli("mentee", "add", "--code", "M-001")
    result = cli("mentee", "add", "--code", "m-001")
    assert result.code == 1
    assert "already exists" in result.stderr


def test_note_lifecycle_add_show_edit_sign_addendum(cli: Run) -> None:
    cli("mentee", "add", "--code", "M-002")
    note_id = _last_line(cli("note", "add", "--mentee", "M-002", stdin="First draft."))
    assert "First draft." in cli("note", "show", note_id).stdout
    assert cli("note", "edit", note_id, stdin="Second draft.").code == 0
    shown = cli("note", "show", note_id).stdout
    assert "Second draft." in shown and "First draft." not in shown
    assert "signed: no (draft)" in shown
    signed = cli("note", "sign", note_id)
    assert signed.code == 0 and "sha256:" in signed.stdout
    addendum_id = _last_line(cli("note", "addendum", note_id, stdin="Late correction."))
    shown = cli("note", "show", note_id).stdout
    assert "Late correction." in shown and addendum_id not in shown
    assert "## Addendum 1" in shown


def test_a_signed_note_refuses_edit_and_delete_with_exit_6(cli: Run) -> None:
    cli("mentee", "add", "--code", "M-003")
    note_id = _last_line(cli("note", "add", "--mentee", "M-003", stdin="Kept as signed."))
    assert cli("note", "sign", note_id).code == 0
    edit = cli("note", "edit", note_id, stdin="Sneaky change.")
    assert edit.code == EXIT_SIGNED
    assert "signed" in edit.stderr
    assert cli("note", "edit", note_id, stdin=b"\xff not even utf-8").code == EXIT_SIGNED
    delete = cli("note", "delete", note_id, "--yes")
    assert delete.code == EXIT_SIGNED
    assert cli("note", "sign", note_id).code == EXIT_SIGNED
    assert "Kept as signed." in cli("note", "show", note_id).stdout


def test_delete_needs_yes_and_removes_a_draft(cli: Run) -> None:
    cli("mentee", "add", "--code", "M-004")
    note_id = _last_line(cli("note", "add", "--mentee", "M-004", stdin="Draft."))
    assert cli("note", "delete", note_id).code == 2
    assert cli("note", "show", note_id).code == 0
    assert cli("note", "delete", note_id, "--yes").code == 0
    assert cli("note", "show", note_id).code == 1


def test_template_sections_come_from_headings(cli: Run, new_vault: CreatedVault) -> None:
    cli("mentee", "add", "--code", "M-005")
    text = "## Subjective\nSaid sleep is better.\n\n## plan:\nKeep the diary.\n"
    note_id = _last_line(cli("note", "add", "--mentee", "M-005", "--template", "soap", stdin=text))
    journal = _open(new_vault)
    try:
        note = journal.get_note(note_id)
    finally:
        journal.lock()
    assert note.sections == (
        ("Subjective", "Said sleep is better."),
        ("Objective", ""),
        ("Assessment", ""),
        ("Plan", "Keep the diary."),
    )


def test_an_unknown_heading_is_refused_and_nothing_is_saved(
    cli: Run, new_vault: CreatedVault
) -> None:
    cli("mentee", "add", "--code", "M-006")
    result = cli("note", "add", "--mentee", "M-006", "--template", "dap", stdin="## Feelings\nx")
    assert result.code == 1
    assert "## Data" in result.stderr
    journal = _open(new_vault)
    try:
        assert journal.list_sessions(None) == []
    finally:
        journal.lock()


def test_unknown_mentee_and_unknown_note_are_errors(cli: Run) -> None:
    assert cli("note", "add", "--mentee", "M-404", stdin="x").code == 1
    assert cli("note", "show", "00000000-0000-4000-8000-000000000000").code == 1


def test_invalid_utf8_on_stdin_is_refused(cli: Run) -> None:
    cli("mentee", "add", "--code", "M-007")
    result = cli("note", "add", "--mentee", "M-007", stdin=b"\xff\xfe broken")
    assert result.code == 2


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(min_size=0, max_size=300))
def test_note_add_keeps_any_unicode_text_exactly(
    text: str, cli: Run, new_vault: CreatedVault
) -> None:
    if not cli("mentee", "list").stdout:  # the vault outlives hypothesis examples
        cli("mentee", "add", "--code", "M-U")
    note_id = _last_line(cli("note", "add", "--mentee", "M-U", stdin=text.encode("utf-8")))
    shown = cli("note", "show", note_id)
    assert shown.code == 0
    body = shown.stdout.split("\n\n", 1)[1]
    assert body == (text if text.endswith("\n") or not text else text + "\n")
    journal = _open(new_vault)
    try:
        assert journal.get_note(note_id).sections == (("Body", text),)
    finally:
        journal.lock()


def test_a_real_process_reads_and_prints_non_ascii_text(
    new_vault: CreatedVault, passphrase_file: Path, run_cli_process: Run
) -> None:
    new_vault.vault.lock()
    common = ("--vault", str(new_vault.paths.root), "--passphrase-file", str(passphrase_file))
    assert run_cli_process("mentee", "add", "--code", "M-020", *common).code == 0
    text = "Zoë said: «ça va» — 早上好 🌱\r\nLine two\tend\n"
    added = run_cli_process("note", "add", "--mentee", "M-020", *common, stdin=text)
    note_id = _last_line(added)
    shown = run_cli_process("note", "show", note_id, *common)
    assert shown.code == 0, shown.stderr
    assert shown.stdout.split("\n\n", 1)[1] == text
