"""The journal opens through the vault: create, unlock by passphrase or recovery key, lock."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.errors import VaultInUse, WrongPassphrase
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit
from mentorjournal.vault import kdf
from tests.fixtures.journal_fixtures import db_of


def test_create_then_reopen_by_passphrase_and_by_recovery_key(
    fast_kdf: kdf.KdfParams,
    vault_paths: VaultPaths,
    passphrase: str,
    vault_clock: ManualClock,
    vault_state_dir: Path,
) -> None:
    journal, recovery_key = Journal.create(
        vault_paths, passphrase, clock=vault_clock, state_dir=vault_state_dir, kdf=fast_kdf
    )
    vault_id = journal.vault_id
    assert vault_id and not journal.is_demo and journal.rollback_warning is None
    mentee = journal.add_mentee("M-001").value
    with pytest.raises(VaultInUse):
        Journal.open(vault_paths, passphrase, clock=vault_clock, state_dir=vault_state_dir)
    journal.lock()

    with pytest.raises(WrongPassphrase):
        Journal.open(vault_paths, passphrase + "x", clock=vault_clock, state_dir=vault_state_dir)
    reopened = Journal.open_with_recovery_key(
        vault_paths, recovery_key, clock=vault_clock, state_dir=vault_state_dir
    )
    try:
        assert reopened.vault_id == vault_id
        assert reopened.list_mentees() == [mentee]
        unlocks = [e for e in audit.events(db_of(reopened)) if e.action == "unlock"]
        assert [(e.kind, e.record_id, e.detail) for e in unlocks] == [
            ("vault", vault_id, "recovery key")
        ]
    finally:
        reopened.lock()
    again = Journal.open(
        vault_paths, passphrase, clock=vault_clock, state_dir=vault_state_dir, is_demo=True
    )
    try:
        assert again.is_demo and again.get_mentee(mentee.id) == mentee
    finally:
        again.lock()
