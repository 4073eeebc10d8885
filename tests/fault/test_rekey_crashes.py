"""A rekey interrupted at any file-system step loses nothing: the vault opens whole, under the
old data key or the new one, every signed record and seal intact (the kill -9 of a rekey)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.vault.unlocked import UnlockedVault, create_vault, unlock_vault
from tests.fault.test_vault_faults import Crashes
from tests.fixtures.journal_fixtures import make_mentee, make_note


@pytest.fixture
def crashes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Crashes:
    return Crashes(monkeypatch, tmp_path)


def _open(paths: VaultPaths, passphrase: str, state_dir: Path) -> tuple[list[str], list[str], int]:
    vault = unlock_vault(
        paths, passphrase, clock=ManualClock(), state_dir=state_dir, accept_older_copy=True
    )
    try:
        notes = [str(r[0]) for r in vault.connection.execute("SELECT id FROM session_notes")]
        return notes, vault.verify_records(), vault.key_generation
    finally:
        vault.lock()


def test_a_rekey_crashing_at_every_step_leaves_the_old_or_the_new_vault_whole(
    fast_kdf: object, tmp_path: Path, passphrase: str, vault_state_dir: Path, crashes: Crashes
) -> None:
    world = tmp_path / "world"
    paths = VaultPaths(world / "vault")
    vault, _recovery = create_vault(
        paths, passphrase, clock=ManualClock(), state_dir=vault_state_dir
    )
    journal = Journal(vault.connection, ManualClock(), vault=vault)
    mentee = make_mentee(journal)
    signed = make_note(journal, mentee, sign=True)
    journal.add_addendum(signed.id, "A line added after signing.")
    journal.lock()
    expected = [signed.id]
    opened: list[UnlockedVault] = []

    def begin() -> tuple[Callable[[], object], Callable[[], None]]:
        opened.append(
            unlock_vault(
                paths,
                passphrase,
                clock=ManualClock(),
                state_dir=vault_state_dir,
                accept_older_copy=True,
            )
        )
        return (lambda: opened[-1].rekey(passphrase)), opened[-1].lock

    generations: set[int] = set()
    for crash in crashes.each_point(world, begin):
        notes, problems, generation = _open(
            VaultPaths(crash.snapshot / "vault"), passphrase, vault_state_dir
        )
        assert notes == expected
        assert problems == []
        generations.add(generation)
        # What is left of the interrupted rekey has been finished or cleared.
        left = sorted(p.name for p in (crash.snapshot / "vault").iterdir())
        assert left == [".lock", "journal.db", "vault.key"]
    assert len(generations) == 2  # some crashes kept the old key, later ones the new
    notes, problems, _generation = _open(paths, passphrase, vault_state_dir)
    assert (notes, problems) == (expected, [])
