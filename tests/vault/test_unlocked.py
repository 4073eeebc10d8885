"""Create, unlock, lock and re-key a vault with real SQLCipher and real Argon2id."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.errors import (
    OlderCopy,
    UsageError,
    VaultCorrupt,
    VaultExists,
    VaultInUse,
    VaultMissing,
    WeakPassphrase,
    WrongPassphrase,
)
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import meta
from mentorjournal.vault import kdf
from mentorjournal.vault.keyfile import read_keyfile
from mentorjournal.vault.recovery import RecoveryKeyTypo
from mentorjournal.vault.unlocked import (
    UnlockedVault,
    create_vault,
    unlock_vault,
    unlock_with_recovery_key,
)
from tests.fixtures.vault_fixtures import CreatedVault

NEW_PASSPHRASE = "a different 'quoted' passphrase — mit Umlauten äöü"


def _unlock(created: CreatedVault, passphrase: str | None = None) -> UnlockedVault:
    return unlock_vault(
        created.paths,
        created.passphrase if passphrase is None else passphrase,
        clock=created.clock,
        state_dir=created.state_dir,
    )


def _write(vault: UnlockedVault, text: str) -> None:
    vault.connection.execute("CREATE TABLE IF NOT EXISTS canary(t TEXT)")
    vault.connection.execute("INSERT INTO canary VALUES (?)", (text,))


def _rows(vault: UnlockedVault) -> list[str]:
    return [r[0] for r in vault.connection.execute("SELECT t FROM canary ORDER BY rowid")]


def test_created_vault_is_open_migrated_and_reopens_with_its_passphrase(
    new_vault: CreatedVault,
) -> None:
    vault = new_vault.vault
    assert meta.vault_id(vault.connection) == vault.vault_id
    _write(vault, "first note")
    vault.lock()
    again = _unlock(new_vault)
    try:
        assert again.vault_id == vault.vault_id
        assert _rows(again) == ["first note"]
        assert again.rollback_warning is None
    finally:
        again.lock()


def test_recovery_key_is_returned_once_and_unlocks(new_vault: CreatedVault) -> None:
    new_vault.vault.lock()
    vault = unlock_with_recovery_key(
        new_vault.paths,
        new_vault.recovery_key.lower(),
        clock=new_vault.clock,
        state_dir=new_vault.state_dir,
    )
    assert vault.unlocked_via_recovery
    vault.lock()


def test_creating_over_an_existing_vault_is_refused_and_changes_nothing(
    new_vault: CreatedVault,
) -> None:
    before = new_vault.paths.keyfile.read_bytes()
    with pytest.raises(VaultExists):
        create_vault(
            new_vault.paths,
            new_vault.passphrase,
            clock=new_vault.clock,
            state_dir=new_vault.state_dir,
            kdf=kdf.DEFAULT_PARAMS,
        )
    assert new_vault.paths.keyfile.read_bytes() == before


def test_weak_passphrase_is_refused_before_anything_is_written(
    fast_kdf: kdf.KdfParams, vault_paths: VaultPaths, vault_state_dir: Path
) -> None:
    with pytest.raises(WeakPassphrase):
        create_vault(vault_paths, "too short", clock=ManualClock(), state_dir=vault_state_dir)
    assert not vault_paths.root.exists()


def test_folder_is_0700_and_every_file_0600_including_wal_and_shm(
    new_vault: CreatedVault,
) -> None:
    _write(new_vault.vault, "x")
    root = new_vault.paths.root
    names = {p.name for p in root.iterdir()}
    assert {"journal.db", "journal.db-wal", "journal.db-shm", "vault.key", ".lock"} <= names
    assert root.stat().st_mode & 0o777 == 0o700
    for path in root.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path.name
    rollback_dir = new_vault.state_dir / "rollback"
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in rollback_dir.iterdir())


def test_permissions_hold_under_a_lax_umask(
    fast_kdf: kdf.KdfParams, vault_paths: VaultPaths, vault_state_dir: Path, passphrase: str
) -> None:
    old = os.umask(0o000)
    try:
        vault, _ = create_vault(
            vault_paths, passphrase, clock=ManualClock(), state_dir=vault_state_dir
        )
        _write(vault, "x")
        modes = {p.name: p.stat().st_mode & 0o777 for p in vault_paths.root.iterdir()}
        vault.lock()
    finally:
        os.umask(old)
    assert vault_paths.root.stat().st_mode & 0o777 == 0o700
    assert set(modes.values()) == {0o600}, modes


def test_wrong_passphrase_fails_at_the_unwrap_and_leaves_the_database_untouched(
    new_vault: CreatedVault,
) -> None:
    new_vault.vault.lock()
    db = new_vault.paths.database
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    with pytest.raises(WrongPassphrase):
        _unlock(new_vault, new_vault.passphrase + " ")
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before
    assert not Path(f"{db}-wal").exists()
    # The lock was released: the right passphrase still works at once.
    _unlock(new_vault).lock()


def test_a_wrong_passphrase_costs_one_key_derivation(
    fast_kdf: kdf.KdfParams, tmp_path: Path, passphrase: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A guess costs one Argon2id derivation at the vault's cost, no more, no less.

    Counted, not timed (how long a derivation takes is ``make bench``'s): the real
    ``derive_key`` runs, wrapped to note the parameters of each call.
    """
    params = kdf.KdfParams(memory_kib=16384, iterations=3, lanes=1)
    paths, state = VaultPaths(tmp_path / "v"), tmp_path / "s"
    vault, _ = create_vault(paths, passphrase, clock=ManualClock(), state_dir=state, kdf=params)
    vault.lock()
    real = kdf.derive_key
    calls: list[kdf.KdfParams] = []

    def counted(secret: str, salt: bytes, cost: kdf.KdfParams) -> bytearray:
        calls.append(cost)
        return real(secret, salt, cost)

    monkeypatch.setattr(kdf, "derive_key", counted)
    with pytest.raises(WrongPassphrase):
        unlock_vault(paths, "not the passphrase at all", clock=ManualClock(), state_dir=state)
    assert calls == [params]
    calls.clear()
    unlock_vault(paths, passphrase, clock=ManualClock(), state_dir=state).lock()
    assert calls == [params]


def test_passphrase_with_quotes_and_non_ascii_survives_nfkc_variants(
    fast_kdf: kdf.KdfParams, vault_paths: VaultPaths, vault_state_dir: Path
) -> None:
    composed = 'L\'\u00e9t\u00e9 "\u00e0" Z\u00fcrich \\ \ufb01ve 森'
    vault, _ = create_vault(vault_paths, composed, clock=ManualClock(), state_dir=vault_state_dir)
    vault.lock()
    decomposed = 'L\'e\u0301te\u0301 "a\u0300" Zu\u0308rich \\ five 森'
    unlock_vault(vault_paths, decomposed, clock=ManualClock(), state_dir=vault_state_dir).lock()


def test_second_opener_gets_vault_in_use(new_vault: CreatedVault) -> None:
    with pytest.raises(VaultInUse):
        _unlock(new_vault)
    new_vault.vault.lock()
    _unlock(new_vault).lock()


def test_lock_is_idempotent_zeroes_the_data_key_and_closes(new_vault: CreatedVault) -> None:
    vault = new_vault.vault
    buffers = vault.key_material()
    assert any(any(b) for b in buffers)
    vault.lock()
    vault.lock()
    assert all(not any(b) for b in buffers)
    assert vault.is_locked
    with pytest.raises(UsageError):
        vault.data_key_view()
    assert not Path(f"{new_vault.paths.database}-wal").exists()


def test_change_passphrase_rewraps_only_and_the_database_stays_byte_identical(
    new_vault: CreatedVault,
) -> None:
    vault = new_vault.vault
    _write(vault, "kept")
    vault.lock()
    vault = _unlock(new_vault)
    db_before = new_vault.paths.database.read_bytes()
    counter = vault.change_counter
    vault.change_passphrase(new_vault.passphrase, NEW_PASSPHRASE)
    assert new_vault.paths.database.read_bytes() == db_before
    assert read_keyfile(new_vault.paths.keyfile).change_counter == counter
    vault.lock()
    with pytest.raises(WrongPassphrase):
        _unlock(new_vault)
    again = _unlock(new_vault, NEW_PASSPHRASE)
    assert _rows(again) == ["kept"]
    again.lock()


def test_change_passphrase_needs_the_current_one_and_a_good_new_one(
    new_vault: CreatedVault,
) -> None:
    before = new_vault.paths.keyfile.read_bytes()
    with pytest.raises(WrongPassphrase):
        new_vault.vault.change_passphrase("not the current passphrase", NEW_PASSPHRASE)
    with pytest.raises(WeakPassphrase):
        new_vault.vault.change_passphrase(new_vault.passphrase, "short")
    assert new_vault.paths.keyfile.read_bytes() == before


def test_reset_passphrase_after_recovery_unlock(new_vault: CreatedVault) -> None:
    with pytest.raises(UsageError):
        new_vault.vault.reset_passphrase(NEW_PASSPHRASE)
    new_vault.vault.lock()
    vault = unlock_with_recovery_key(
        new_vault.paths,
        new_vault.recovery_key,
        clock=new_vault.clock,
        state_dir=new_vault.state_dir,
    )
    vault.reset_passphrase(NEW_PASSPHRASE)
    vault.lock()
    _unlock(new_vault, NEW_PASSPHRASE).lock()
    with pytest.raises(WrongPassphrase):
        _unlock(new_vault)
    # The recovery key still works after a reset.
    unlock_with_recovery_key(
        new_vault.paths,
        new_vault.recovery_key,
        clock=new_vault.clock,
        state_dir=new_vault.state_dir,
    ).lock()


def test_regenerated_recovery_key_replaces_the_old_one(new_vault: CreatedVault) -> None:
    fresh = new_vault.vault.regenerate_recovery_key()
    assert fresh != new_vault.recovery_key
    new_vault.vault.lock()
    with pytest.raises(WrongPassphrase) as caught:
        unlock_with_recovery_key(
            new_vault.paths,
            new_vault.recovery_key,
            clock=new_vault.clock,
            state_dir=new_vault.state_dir,
        )
    assert not isinstance(caught.value, RecoveryKeyTypo)
    unlock_with_recovery_key(
        new_vault.paths, fresh, clock=new_vault.clock, state_dir=new_vault.state_dir
    ).lock()
    _unlock(new_vault).lock()  # the passphrase slot is untouched


def test_recovery_key_typo_is_reported_as_a_typo(new_vault: CreatedVault) -> None:
    new_vault.vault.lock()
    key = new_vault.recovery_key
    typo = key[:5] + ("A" if key[5] != "A" else "B") + key[6:]
    with pytest.raises(RecoveryKeyTypo, match="typo"):
        unlock_with_recovery_key(
            new_vault.paths, typo, clock=new_vault.clock, state_dir=new_vault.state_dir
        )


def test_each_unlock_bumps_the_change_counter_in_key_file_and_database(
    new_vault: CreatedVault,
) -> None:
    counter = new_vault.vault.change_counter
    new_vault.vault.lock()
    vault = _unlock(new_vault)
    assert vault.change_counter == counter + 1
    assert meta.change_counter(vault.connection) == counter + 1
    assert read_keyfile(new_vault.paths.keyfile).change_counter == counter + 1
    vault.lock()


def test_opening_an_older_copy_warns_about_rollback(new_vault: CreatedVault) -> None:
    _write(new_vault.vault, "old")
    new_vault.vault.lock()
    saved = {p.name: p.read_bytes() for p in new_vault.paths.root.iterdir() if p.name != ".lock"}
    for _ in range(2):
        vault = _unlock(new_vault)
        _write(vault, "newer")
        vault.lock()
    for name, data in saved.items():  # someone puts the old copy back
        (new_vault.paths.root / name).write_bytes(data)
    database_before = new_vault.paths.database.read_bytes()
    with pytest.raises(OlderCopy, match="older copy"):
        _unlock(new_vault)
    assert new_vault.paths.database.read_bytes() == database_before  # nothing written
    old = unlock_vault(
        new_vault.paths,
        new_vault.passphrase,
        clock=new_vault.clock,
        state_dir=new_vault.state_dir,
        accept_older_copy=True,
    )
    assert old.rollback_warning is not None
    assert "older copy" in old.rollback_warning
    assert _rows(old) == ["old"]
    old.lock()
    # Confirmed once; the copy now in use is the newest this computer has seen.
    again = _unlock(new_vault)
    assert again.rollback_warning is None
    again.lock()


def test_forged_rollback_memory_is_ignored(new_vault: CreatedVault) -> None:
    new_vault.vault.lock()
    record = new_vault.state_dir / "rollback" / f"{new_vault.vault.vault_id}.json"
    record.write_text('{"counter": 1000, "mac": "00"}')
    vault = _unlock(new_vault)
    assert vault.rollback_warning is None
    vault.lock()


def test_database_of_another_vault_is_vault_corrupt(
    new_vault: CreatedVault, tmp_path: Path, passphrase: str
) -> None:
    other_paths = VaultPaths(tmp_path / "other")
    other, _ = create_vault(
        other_paths, passphrase, clock=ManualClock(), state_dir=new_vault.state_dir
    )
    other.lock()
    new_vault.vault.lock()
    foreign = other_paths.database.read_bytes()
    new_vault.paths.database.write_bytes(foreign)
    with pytest.raises(VaultCorrupt, match="another vault"):
        _unlock(new_vault)
    assert new_vault.paths.database.read_bytes() == foreign


def test_missing_key_file_is_corrupt_and_empty_folder_is_missing(new_vault: CreatedVault) -> None:
    new_vault.vault.lock()
    new_vault.paths.keyfile.unlink()
    with pytest.raises(VaultCorrupt, match="key file is missing"):
        _unlock(new_vault)
    with pytest.raises(VaultMissing):
        unlock_vault(
            VaultPaths(new_vault.paths.root.parent / "nothing"),
            new_vault.passphrase,
            clock=new_vault.clock,
            state_dir=new_vault.state_dir,
        )
