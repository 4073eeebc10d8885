"""``note add --ended/--place/--service``, ``note sign --late-reason`` and ``profile``."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]


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


def _note(cli: Run, *extra: str) -> str:
    out = _ok(
        cli(
            "note",
            "add",
            "--mentee",
            "M-001",
            "--started",
            "2026-01-09T10:00+00:00",
            *extra,
            stdin="We planned the week.\n",
        )
    )
    return out.strip().splitlines()[-1]


def test_profile_then_a_note_with_its_header_refused_without_a_goal_line(cli: Run) -> None:
    out = _ok(
        cli(
            "profile",
            "--set",
            "us_medicaid_peer",
            "--name",
            "Sam Example",
            "--role",
            "Peer Support Specialist",
            "--credentials",
            "CPS",
        )
    )
    assert "required before signing:" in out and "service code" in out
    assert "Peer support, individual (H0038)" in out
    _ok(cli("mentee", "add", "--code", "M-001"))
    note_id = _note(
        cli, "--ended", "10:53", "--place", "Community (99)", "--service",
        "Peer support, individual", "--with-mentee",
    )  # fmt: skip
    shown = _ok(cli("note", "show", note_id))
    assert "duration: 53 min" in shown and "units: 4 x 15 min" in shown
    assert "service code: H0038" in shown and "place: Community (99)" in shown
    refused = cli("note", "sign", note_id)
    assert refused.code == 1
    assert refused.stderr.strip().count("\n") == 0
    assert "a plan goal with a progress line" in refused.stderr
    assert "signed: no (draft)" in _ok(cli("note", "show", note_id))


def test_a_late_note_is_signed_only_with_its_reason(cli: Run) -> None:
    _ok(cli("profile", "--set", "volunteer", "--name", "Sam Example", "--role", "Volunteer"))
    _ok(cli("mentee", "add", "--code", "M-001"))
    note_id = _note(cli, "--ended", "2026-01-09T10:45+00:00")
    refused = cli("note", "sign", note_id)
    assert refused.code == 1 and "give the reason for the late entry" in refused.stderr
    out = _ok(cli("note", "sign", note_id, "--late-reason", "Annual leave"))
    assert out.rstrip().endswith("(late entry)")
    shown = _ok(cli("note", "show", note_id))
    assert "late entry: Annual leave" in shown
    assert "signed by: Sam Example, Volunteer" in shown


def test_bad_session_options_say_what_is_wrong(cli: Run) -> None:
    _ok(cli("mentee", "add", "--code", "M-001"))
    bad = cli(
        "note", "add", "--mentee", "M-001", "--started", "2026-01-09T10:00+00:00", "--ended",
        "09:00", stdin="x\n",
    )  # fmt: skip
    assert bad.code == 1 and "cannot end before it starts" in bad.stderr
    assert cli("note", "add", "--mentee", "M-001", "--ended", "soon", stdin="x\n").code != 0
    half = cli("profile", "--set", "uk_dsa", "--name", "Sam")
    assert half.code != 0 and "--role" in half.stderr
