"""Opening a vault as a journal, and locking it again."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Self

from mentorjournal.changes import Changes
from mentorjournal.clock import Clock
from mentorjournal.journal.base import JournalBase, UnlockedVaultLike
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import audit
from mentorjournal.storage.connection import close_database
from mentorjournal.storage.schema import available_migrations

if TYPE_CHECKING:
    from mentorjournal.vault.kdf import KdfParams

log = logging.getLogger(__name__)


def prepare_to_open() -> None:
    """Do now what the first open of a vault in this process would do after the KDF.

    Listing the shipped migrations the first time imports importlib's resource readers
    (zipfile and more, ~1-2 ms). The app calls this while the passphrase is typed; it reads
    no vault and holds nothing.
    """
    available_migrations()


class Lifecycle(JournalBase):
    """Create, unlock and lock; what the open vault says about itself."""

    @classmethod
    def create(
        cls,
        paths: VaultPaths,
        passphrase: str,
        *,
        clock: Clock,
        state_dir: Path,
        kdf: KdfParams | None = None,
        is_demo: bool = False,
    ) -> tuple[Self, str]:
        """Create a new vault and open it; returns the journal and the printable recovery key."""
        from mentorjournal.vault import unlocked

        vault, recovery_key = unlocked.create_vault(
            paths, passphrase, clock=clock, state_dir=state_dir, kdf=kdf, demo=is_demo
        )
        return cls._wrap(vault, clock, is_demo=is_demo, unlocked_by=None), recovery_key

    @classmethod
    def open(
        cls,
        paths: VaultPaths,
        passphrase: str,
        *,
        clock: Clock,
        state_dir: Path,
        is_demo: bool = False,
        accept_older_copy: bool = False,
    ) -> Self:
        """Unlock an existing vault (``WrongPassphrase``, ``VaultMissing``... on failure).

        An older copy than one opened before raises ``OlderCopy`` and writes nothing, until
        the mentor confirms it (``accept_older_copy``).
        """
        from mentorjournal.vault import unlocked

        vault = unlocked.unlock_vault(
            paths, passphrase, clock=clock, state_dir=state_dir,
            accept_older_copy=accept_older_copy,
        )  # fmt: skip
        return cls._wrap(vault, clock, is_demo=is_demo, unlocked_by="passphrase")

    @classmethod
    def open_with_recovery_key(
        cls,
        paths: VaultPaths,
        recovery_key: str,
        *,
        clock: Clock,
        state_dir: Path,
        is_demo: bool = False,
        accept_older_copy: bool = False,
    ) -> Self:
        from mentorjournal.vault import unlocked

        vault = unlocked.unlock_with_recovery_key(
            paths, recovery_key, clock=clock, state_dir=state_dir,
            accept_older_copy=accept_older_copy,
        )  # fmt: skip
        return cls._wrap(vault, clock, is_demo=is_demo, unlocked_by="recovery key")

    @classmethod
    def _wrap(
        cls, vault: UnlockedVaultLike, clock: Clock, *, is_demo: bool, unlocked_by: str | None
    ) -> Self:
        """The journal over an unlocked vault; any failure locks the vault again.

        The unlock is audited once the vault holds history: a brand-new vault stays empty until
        its first record, so a JSON import (which replays the exported audit chain into an
        empty log) can still go into it.
        """
        try:
            journal = cls(vault.connection, clock, vault=vault, is_demo=is_demo)
            if unlocked_by is not None and audit.events(journal._db, limit=1):
                with journal._command(Changes()) as command:
                    command.audit("unlock", "vault", vault.vault_id, detail=unlocked_by)
        except BaseException:
            vault.lock()
            raise
        return journal

    def lock(self) -> None:
        """Close the database and wipe the key (through the vault). Safe to call twice."""
        if not self._open:
            return
        try:
            self.flush_search()
        except Exception:  # locking must never fail on an index refresh; the marks persist
            log.warning("search index refresh failed before lock; it will run next time")
        self._open = False
        if self._vault is not None:
            self._vault.lock()
        else:
            close_database(self._conn)
        # The anonymiser compiles patterns from the vault's names (known people, nicknames, a
        # name it found); Python's regex cache keeps them. They go with the key.
        re.purge()

    @property
    def is_open(self) -> bool:
        return self._open

    @property
    def vault_id(self) -> str | None:
        return None if self._vault is None else self._vault.vault_id

    @property
    def rollback_warning(self) -> str | None:
        return None if self._vault is None else self._vault.rollback_warning

    @property
    def open_notice(self) -> str | None:
        """A plain notice about this unlock (e.g. the disk is full: read-only until space returns)."""
        return getattr(self._vault, "open_notice", None)

    @property
    def is_demo(self) -> bool:
        return self._is_demo
