"""What every record family of the journal shares: the open connection, the clock, the command.

Each family module (mentees, notes, goals...) is a class over ``JournalBase``; the ``Journal``
facade joins them. Reads go through ``_db`` (a clear error once locked); every change goes
through ``_command``, which runs one transaction and writes the change's audit event in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Protocol

from mentorjournal.changes import Changes
from mentorjournal.clock import Clock, local_today
from mentorjournal.journal.command import Command, run_command
from mentorjournal.storage import sessions as session_repo
from mentorjournal.storage import sync_log
from mentorjournal.storage.connection import Connection, transaction
from mentorjournal.storage.schema import migrate

if TYPE_CHECKING:
    from mentorjournal.vault.unlocked import UnlockedVault


class UnlockedVaultLike(Protocol):
    """What the journal needs from the vault layer's unlocked vault (``UnlockedVault``)."""

    @property
    def connection(self) -> Connection: ...

    @property
    def vault_id(self) -> str: ...

    @property
    def rollback_warning(self) -> str | None: ...

    def lock(self) -> None: ...


class JournalBase:
    """The state one open journal holds; family classes add the reads and commands."""

    def __init__(
        self,
        connection: Connection,
        clock: Clock,
        *,
        vault: UnlockedVaultLike | None = None,
        is_demo: bool = False,
    ) -> None:
        """Wrap an open connection, bringing its schema up to date (migrations are idempotent)."""
        self._conn = connection
        self._clock = clock
        self._vault = vault
        self._is_demo = is_demo
        self._open = True
        migrate(connection)
        #: This device's sync id while sync is on: every command then logs its operations.
        self._sync_device: str | None = None
        self._start_sync_capture()

    def _start_sync_capture(self) -> None:
        """Turn on change capture for this connection when the vault takes part in sync."""
        state = sync_log.state(self._conn)
        if state is not None:
            sync_log.install_capture(self._conn)
            self._sync_device = state.device_id

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def _db(self) -> Connection:
        """The connection for a read; a clear error once locked instead of a closed handle."""
        self._require_open()
        return self._conn

    def _require_open(self) -> None:
        if not self._open:
            raise RuntimeError("the journal is locked")

    @contextmanager
    def _tx(self) -> Iterator[Connection]:
        """A bare transaction, for upkeep that is not a change of record (the search index)."""
        self._require_open()
        with transaction(self._conn) as conn:
            yield conn

    @contextmanager
    def _command(self, changes: Changes) -> Iterator[Command]:
        """One change command: its transaction, its audit event, its change set."""
        self._require_open()
        with run_command(
            self._conn, self._clock, changes, sync_device=self._sync_device
        ) as command:
            yield command

    def _unlocked_vault(self) -> UnlockedVault:
        self._require_open()
        if self._vault is None:
            raise RuntimeError("this journal was opened without a vault")
        return self._vault  # type: ignore[return-value]

    def today(self) -> date:
        """The mentor's local date: what "today" means in every default and list."""
        return local_today(self._clock)

    def flush_search(self) -> int:
        """Re-index drafts autosave marked stale (cheap when none); returns how many."""
        self._require_open()
        if not session_repo.has_pending_index(self._db):
            return 0
        with self._tx() as conn:
            return session_repo.flush_pending_index(conn)
