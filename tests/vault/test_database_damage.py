"""A missing, empty, truncated or bit-flipped database is exit 4, left exactly as it was, and
never replaced by a new empty vault."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mentorjournal.errors import VaultCorrupt
from mentorjournal.storage.connection import transaction
from mentorjournal.vault.unlocked import unlock_vault
from tests.fixtures.vault_fixtures import CliResult, CreatedVault

Run = Callable[..., CliResult]
PAGE = 4096


@pytest.fixture
def filled(new_vault: CreatedVault) -> CreatedVault:
    """A locked vault whose database spans several pages."""
    conn = new_vault.vault.connection
    with transaction(conn):
        conn.execute("CREATE TABLE filler(t TEXT)")
        conn.executemany("INSERT INTO filler VALUES (?)", [(f"row {i} " * 40,) for i in range(200)])
    new_vault.vault.lock()
    return new_vault


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir()) if p.name != ".lock"}


def _verify(run_cli: Run, created: CreatedVault, passphrase_file: Path) -> CliResult:
    return run_cli("--vault", created.paths.root, "verify", "--passphrase-file", passphrase_file)


def _assert_refused_untouched(
    run_cli: Run, created: CreatedVault, passphrase_file: Path
) -> CliResult:
    before = _snapshot(created.paths.root)
    result = _verify(run_cli, created, passphrase_file)
    assert result.code == 4, (result.code, result.stderr)
    assert "Traceback" not in result.stderr
    assert _snapshot(created.paths.root) == before
    return result


def test_missing_database_exits_4_and_no_new_vault_appears(
    run_cli: Run, filled: CreatedVault, passphrase_file: Path
) -> None:
    filled.paths.database.unlink()
    result = _assert_refused_untouched(run_cli, filled, passphrase_file)
    assert "missing" in result.stderr
    assert not filled.paths.database.exists()


def test_zero_length_database_exits_4_and_stays_zero_length(
    run_cli: Run, filled: CreatedVault, passphrase_file: Path
) -> None:
    filled.paths.database.write_bytes(b"")
    _assert_refused_untouched(run_cli, filled, passphrase_file)
    assert filled.paths.database.stat().st_size == 0


@pytest.mark.parametrize("keep", [100, 1023, PAGE, 2 * PAGE, "half", "one page short", "minus 1"])
def test_truncated_database_exits_4_and_is_left_as_it_was(
    run_cli: Run, filled: CreatedVault, passphrase_file: Path, keep: int | str
) -> None:
    data = filled.paths.database.read_bytes()
    size = {"half": len(data) // 2, "one page short": len(data) - PAGE, "minus 1": len(data) - 1}
    cut = size[keep] if isinstance(keep, str) else keep
    filled.paths.database.write_bytes(data[:cut])
    _assert_refused_untouched(run_cli, filled, passphrase_file)


def test_bit_flips_anywhere_in_the_database_are_exit_4_and_left_untouched(
    run_cli: Run, filled: CreatedVault, passphrase_file: Path
) -> None:
    original = filled.paths.database.read_bytes()
    pages = len(original) // PAGE
    offsets = [0, 5, 15, 16, 17, 100, PAGE - 1]  # salt, first page, reserved area
    offsets += [p * PAGE + 37 * p % PAGE for p in range(1, pages)]  # one flip in every page
    for offset in offsets:
        damaged = bytearray(original)
        damaged[offset] ^= 0x10
        filled.paths.database.write_bytes(bytes(damaged))
        _assert_refused_untouched(run_cli, filled, passphrase_file)
    filled.paths.database.write_bytes(original)
    assert _verify(run_cli, filled, passphrase_file).code == 0


def test_database_that_is_not_sqlcipher_at_all_is_vault_corrupt(filled: CreatedVault) -> None:
    filled.paths.database.write_bytes(b"SQLite format 3\x00" + bytes(8192))
    with pytest.raises(VaultCorrupt):
        unlock_vault(
            filled.paths, filled.passphrase, clock=filled.clock, state_dir=filled.state_dir
        )
