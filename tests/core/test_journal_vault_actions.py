"""The vault actions the Settings dialog offers, through the journal facade: keys and backups."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorjournal.backup import list_backups, verify_backup
from mentorjournal.clock import ManualClock
from mentorjournal.errors import WrongPassphrase
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.storage.audit import verify_chain
from mentorjournal.vault import kdf
from tests.fixtures.journal_fixtures import db_of, make_mentee, make_note

NEW_PASSPHRASE = "a brand new passphrase for the test vault"


def _reopen(paths: VaultPaths, secret: str, clock: ManualClock, state: Path) -> Journal:
    return Journal.open(paths, secret, clock=clock, state_dir=state)


def _state(journal: Journal) -> Path:
    vault = journal._unlocked_vault()
    return vault.state_dir


def _backup_events(journal: Journal) -> int:
    rows = (
        db_of(journal).execute("SELECT count(*) FROM audit_log WHERE action = 'backup'").fetchone()
    )
    return int(rows[0])


def test_change_passphrase_rewraps_and_old_one_stops_working(
    journal: Journal, vault_paths: VaultPaths, passphrase: str, vault_clock: ManualClock
) -> None:
    note = make_note(journal, make_mentee(journal), text="kept through the change")
    journal.change_passphrase(passphrase, NEW_PASSPHRASE)
    state = _state(journal)
    journal.lock()
    with pytest.raises(WrongPassphrase):
        _reopen(vault_paths, passphrase, vault_clock, state)
    reopened = _reopen(vault_paths, NEW_PASSPHRASE, vault_clock, state)
    assert reopened.get_note(note.id).sections == note.sections
    reopened.lock()


def test_wrong_old_passphrase_changes_nothing(
    journal: Journal, vault_paths: VaultPaths, passphrase: str
) -> None:
    key_before = vault_paths.keyfile.read_bytes()
    with pytest.raises(WrongPassphrase):
        journal.change_passphrase("not the passphrase at all, sorry", NEW_PASSPHRASE)
    assert vault_paths.keyfile.read_bytes() == key_before


def test_new_recovery_key_replaces_the_old_one(
    journal: Journal, vault_paths: VaultPaths, vault_clock: ManualClock
) -> None:
    old = journal.regenerate_recovery_key().value  # a key this test knows, to be replaced
    key = journal.regenerate_recovery_key().value
    assert key != old
    state = _state(journal)
    journal.lock()
    with pytest.raises(WrongPassphrase):
        Journal.open_with_recovery_key(vault_paths, old, clock=vault_clock, state_dir=state)
    reopened = Journal.open_with_recovery_key(vault_paths, key, clock=vault_clock, state_dir=state)
    reopened.lock()


def test_recalibration_keeps_the_passphrase_working(
    journal: Journal, vault_paths: VaultPaths, passphrase: str, vault_clock: ManualClock,
    fast_kdf: kdf.KdfParams,
) -> None:  # fmt: skip
    params = journal.recalibrate_kdf(passphrase).value
    assert params.meets(kdf.FLOOR)
    state = _state(journal)
    journal.lock()
    _reopen(vault_paths, passphrase, vault_clock, state).lock()


def test_backup_now_writes_a_verified_file_rotates_and_is_audited(
    journal: Journal, tmp_path: Path, passphrase: str, vault_clock: ManualClock
) -> None:
    make_note(journal, make_mentee(journal), text="in the backup")
    folder = tmp_path / "backups"
    made = [journal.backup_now(folder, keep=2).value]
    for _ in range(2):
        vault_clock.advance(60)
        made.append(journal.backup_now(folder, keep=2).value)
    assert list_backups(folder, journal.vault_id) == sorted(made[1:])
    report = verify_backup(made[-1], passphrase)
    assert report.deep and report.vault_id == journal.vault_id
    assert report.row_counts["session_notes"] == 1
    assert _backup_events(journal) == 3
    assert verify_chain(db_of(journal)).ok


def test_daily_backup_once_a_day(
    journal: Journal, tmp_path: Path, vault_clock: ManualClock
) -> None:
    folder = tmp_path / "daily"
    assert journal.daily_backup(folder, keep=5) is not None
    vault_clock.advance(3600)
    assert journal.daily_backup(folder, keep=5) is None
    vault_clock.advance(24 * 3600)
    assert journal.daily_backup(folder, keep=5) is not None
    assert len(list_backups(folder, journal.vault_id)) == 2
    assert journal.open_notice is None
