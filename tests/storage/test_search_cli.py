"""The ``search`` command: readable and JSON output, filters, and clear errors."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from mentorjournal.paths import VaultPaths
from mentorjournal.storage import search
from tests.fixtures.vault_fixtures import CliResult, CreatedVault


def _fill(
    new_vault: CreatedVault, passphrase_file: object, run: Callable[..., CliResult]
) -> list[str]:
    vault = ["--vault", str(new_vault.paths.root), "--passphrase-file", str(passphrase_file)]
    new_vault.vault.lock()
    assert run("mentee", "add", *vault, "--code", "M-001").code == 0
    assert run("mentee", "add", *vault, "--code", "M-002").code == 0
    for code, text in (("M-001", "Talked about the allotment and café plans."),
                       ("M-002", "Allotment visit cancelled; we spoke on the phone.")):  # fmt: skip
        assert run("note", "add", *vault, "--mentee", code, stdin=text).code == 0
    return vault


def test_plain_output_lists_date_kind_code_and_a_bracketed_snippet(
    new_vault: CreatedVault, passphrase_file: object, run_cli: Callable[..., CliResult]
) -> None:
    vault = _fill(new_vault, passphrase_file, run_cli)
    result = run_cli("search", *vault, "cafe")
    assert result.code == 0, result.stderr
    first, second = result.stdout.splitlines()[:2]
    assert " note " in first and "M-001" in first
    assert "[café]" in second


def test_json_output_and_filters(
    new_vault: CreatedVault, passphrase_file: object, run_cli: Callable[..., CliResult]
) -> None:
    vault = _fill(new_vault, passphrase_file, run_cli)
    hits = json.loads(run_cli("search", *vault, "allot", "--json").stdout)
    assert sorted(h["mentee"] for h in hits) == ["M-001", "M-002"]
    assert all(h["kind"] == "note" and h["date"] and h["id"] for h in hits)
    only = json.loads(run_cli("search", *vault, "allot", "--json", "--mentee", "m-002").stdout)
    assert [h["mentee"] for h in only] == ["M-002"]
    assert json.loads(run_cli("search", *vault, "allot", "--json", "--kind", "goal").stdout) == []
    assert len(json.loads(run_cli("search", *vault, "allot", "--json", "--limit", "1").stdout)) == 1


def test_no_match_and_unknown_mentee_are_reported_plainly(
    new_vault: CreatedVault, passphrase_file: object, run_cli: Callable[..., CliResult]
) -> None:
    vault = _fill(new_vault, passphrase_file, run_cli)
    none = run_cli("search", *vault, "zebra")
    assert (none.code, none.stdout) == (0, "")
    assert "No matches" in none.stderr
    assert json.loads(run_cli("search", *vault, '"(((', "--json").stdout) == []
    missing = run_cli("search", *vault, "allot", "--mentee", "M-404")
    assert missing.code == 1
    assert "M-404" in missing.stderr


def test_search_needs_an_existing_vault(
    tmp_path: object, passphrase_file: object, run_cli: Callable[..., CliResult]
) -> None:
    paths = VaultPaths(tmp_path / "nowhere")  # type: ignore[operator]
    result = run_cli("search", "--vault", str(paths.root), "--passphrase-file",
                     str(passphrase_file), "x")  # fmt: skip
    assert result.code == 4


def test_a_windowed_ranking_is_said_on_stderr_and_json_stays_a_list(
    new_vault: CreatedVault,
    passphrase_file: object,
    run_cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    vault = _fill(new_vault, passphrase_file, run_cli)
    monkeypatch.setattr(search, "RANK_WINDOW", 1)
    result = run_cli("search", *vault, "allot", "--json")
    assert result.code == 0
    assert [h["mentee"] for h in json.loads(result.stdout)] == ["M-002"]
    assert "More than 1 records match" in result.stderr
    assert "Add another word" in result.stderr
    assert "More than" not in run_cli("search", *vault, "cafe").stderr
