"""Backups are verified single files; restore keeps the current vault and works on a new machine."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorjournal.backup import (
    create_backup,
    list_backups,
    maybe_daily_backup,
    read_backup,
    restore_backup,
    rotate_backups,
    verify_backup,
)
from mentorjournal.errors import VaultCorrupt, VaultInUse, VaultMissing, WrongPassphrase
from mentorjournal.paths import VaultPaths
from mentorjournal.storage.connection import transaction
from mentorjournal.vault.unlocked import UnlockedVault, unlock_vault
from tests.fixtures.vault_fixtures import CreatedVault


def _write(vault: UnlockedVault, *texts: str) -> None:
    with transaction(vault.connection):
        vault.connection.execute("CREATE TABLE IF NOT EXISTS notes(t TEXT)")
        vault.connection.executemany("INSERT INTO notes VALUES (?)", [(t,) for t in texts])


def _notes(vault: UnlockedVault) -> list[str]:
    return [r[0] for r in vault.connection.execute("SELECT t FROM notes ORDER BY rowid")]


def _unlock(
    created: CreatedVault, paths: VaultPaths | None = None, *, older: bool = False
) -> UnlockedVault:
    return unlock_vault(
        paths or created.paths,
        created.passphrase,
        clock=created.clock,
        state_dir=created.state_dir,
        accept_older_copy=older,
    )


def _restore(created: CreatedVault, backup: Path, paths: VaultPaths | None = None) -> Path | None:
    result = restore_backup(
        backup,
        paths or created.paths,
        created.passphrase,
        clock=created.clock,
        state_dir=created.state_dir,
    )
    return result.kept_aside


def test_backup_then_restore_gives_back_the_same_content(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    _write(new_vault.vault, "before backup", "ünïcode ✓")
    backup = create_backup(new_vault.vault, tmp_path / "backups", clock=new_vault.clock)
    _write(new_vault.vault, "after backup")
    new_vault.vault.lock()
    kept = _restore(new_vault, backup)
    restored = _unlock(new_vault)
    try:
        assert _notes(restored) == ["before backup", "ünïcode ✓"]
        assert restored.rollback_warning is None  # a deliberate restore is not a rollback
    finally:
        restored.lock()
    assert kept is not None and kept.name.startswith("vault.before-restore-")
    # The vault kept aside is the same vault at an older change: opening it needs a yes.
    aside = _unlock(new_vault, VaultPaths(kept), older=True)
    try:
        assert _notes(aside) == ["before backup", "ünïcode ✓", "after backup"]
    finally:
        aside.lock()


def test_backup_file_is_private_self_contained_and_leaves_no_temp_files(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    _write(new_vault.vault, "x")
    dest = tmp_path / "backups"
    backup = create_backup(new_vault.vault, dest, clock=new_vault.clock)
    assert [p.name for p in dest.iterdir()] == [backup.name]
    assert backup.stat().st_mode & 0o777 == 0o600
    assert dest.stat().st_mode & 0o777 == 0o700
    info = read_backup(backup)
    assert info.keyfile.vault_id == new_vault.vault.vault_id
    assert info.keyfile_bytes == new_vault.paths.keyfile.read_bytes()


def test_restore_into_an_empty_or_absent_folder_works_like_a_new_machine(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    _write(new_vault.vault, "carried over")
    backup = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    new_vault.vault.lock()
    for target in (tmp_path / "absent" / "vault", tmp_path / "empty"):
        if target.name == "empty":
            target.mkdir()
        paths = VaultPaths(target)
        assert _restore(new_vault, backup, paths) is None
        vault = _unlock(new_vault, paths)
        assert _notes(vault) == ["carried over"]
        vault.lock()
        assert target.stat().st_mode & 0o777 == 0o700


def test_verify_backup_shallow_and_deep(new_vault: CreatedVault, tmp_path: Path) -> None:
    _write(new_vault.vault, "a", "b")
    backup = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    shallow = verify_backup(backup)
    assert not shallow.deep and shallow.vault_id == new_vault.vault.vault_id
    deep = verify_backup(backup, new_vault.passphrase)
    assert deep.deep and deep.row_counts["notes"] == 2
    with pytest.raises(WrongPassphrase):
        verify_backup(backup, "not the passphrase of that time")
    assert [p.name for p in (tmp_path / "b").iterdir()] == [backup.name]


def test_damaged_backup_is_refused_and_the_vault_is_untouched(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    _write(new_vault.vault, "x")
    backup = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    new_vault.vault.lock()
    original = backup.read_bytes()
    before = new_vault.paths.database.read_bytes()
    for offset in (0, 9, 20, len(original) // 2, len(original) - 40, len(original) - 1):
        damaged = bytearray(original)
        damaged[offset] ^= 0x04
        backup.write_bytes(bytes(damaged))
        with pytest.raises(VaultCorrupt):
            _restore(new_vault, backup)
    for cut in (0, 7, 30, len(original) - 1):
        backup.write_bytes(original[:cut])
        with pytest.raises(VaultCorrupt):
            _restore(new_vault, backup)
    assert new_vault.paths.database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "state", "vault"]
    with pytest.raises(VaultMissing):
        _restore(new_vault, tmp_path / "nope.mjbackup")


def test_restore_with_the_wrong_passphrase_changes_nothing(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    backup = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    new_vault.vault.lock()
    before = new_vault.paths.database.read_bytes()
    with pytest.raises(WrongPassphrase):
        restore_backup(
            backup,
            new_vault.paths,
            "not the passphrase of that time",
            clock=new_vault.clock,
            state_dir=new_vault.state_dir,
        )
    assert new_vault.paths.database.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "state", "vault"]


def test_restore_over_an_open_vault_is_refused(new_vault: CreatedVault, tmp_path: Path) -> None:
    backup = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    with pytest.raises(VaultInUse):
        _restore(new_vault, backup)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b", "state", "vault"]


def test_rotation_keeps_the_newest_n(new_vault: CreatedVault, tmp_path: Path) -> None:
    dest = tmp_path / "b"
    made = []
    for _ in range(5):
        made.append(create_backup(new_vault.vault, dest, clock=new_vault.clock))
        new_vault.clock.advance(3600)
    (dest / "unrelated.txt").write_text("not a backup")
    removed = rotate_backups(dest, 2, vault_id=new_vault.vault.vault_id)
    assert removed == made[:3]
    assert list_backups(dest) == made[3:]
    assert (dest / "unrelated.txt").exists()


def test_two_backups_in_the_same_second_do_not_collide(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    first = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    second = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    assert first != second and first.exists() and second.exists()


def test_daily_backup_happens_once_per_day_and_rotates(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    dest = tmp_path / "auto"
    vault, clock = new_vault.vault, new_vault.clock
    first = maybe_daily_backup(vault, dest, 3, clock)
    assert first is not None
    clock.advance(3600)
    assert maybe_daily_backup(vault, dest, 3, clock) is None  # same day
    for _ in range(4):
        clock.advance(timedelta(days=1).total_seconds())
        assert maybe_daily_backup(vault, dest, 3, clock) is not None
    assert len(list_backups(dest, vault.vault_id)) == 3


def test_restore_without_an_atomic_exchange_still_swaps_and_keeps_the_old_vault(
    new_vault: CreatedVault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The portable two-rename path (macOS, Windows, file systems without RENAME_EXCHANGE)."""
    _write(new_vault.vault, "in the backup")
    backup = create_backup(new_vault.vault, tmp_path / "b", clock=new_vault.clock)
    _write(new_vault.vault, "only in the old vault")
    new_vault.vault.lock()
    monkeypatch.setattr("mentorjournal.vault.swap.exchange", lambda a, b: False)
    kept = _restore(new_vault, backup)
    assert kept is not None
    restored = _unlock(new_vault)
    assert _notes(restored) == ["in the backup"]
    restored.lock()
    aside = _unlock(new_vault, VaultPaths(kept), older=True)
    assert _notes(aside) == ["in the backup", "only in the old vault"]
    aside.lock()


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=600))
def test_arbitrary_files_are_not_backups(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.mjbackup"
        path.write_bytes(b"MJBACKUP" + data if data[:1] == b"\x00" else data)
        with pytest.raises(VaultCorrupt):
            read_backup(path)


def test_an_existing_destination_folder_keeps_its_own_permissions(
    new_vault: CreatedVault, tmp_path: Path
) -> None:
    shared = tmp_path / "documents"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    backup = create_backup(new_vault.vault, shared, clock=new_vault.clock)
    assert shared.stat().st_mode & 0o777 == 0o755
    assert backup.stat().st_mode & 0o777 == 0o600
