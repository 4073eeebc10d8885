"""The one path every change takes: a transaction, the writes, and the audit event with them.

A journal command opens a ``Command``, writes through the storage repositories on its
connection, and records what it did with ``audit``; the event commits in the same transaction
as the change, so the log can never miss a change that was kept nor keep one that was rolled
back. A command that ends without an audit event is a programming error: it is rolled back and
raises, so a new command cannot forget its event. ``Command.done`` pairs the command's value
with the change set the UI broadcasts.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from mentorjournal.changes import Changed, Changes
from mentorjournal.clock import Clock
from mentorjournal.storage import audit, sync_log
from mentorjournal.storage.connection import Connection, transaction

T = TypeVar("T")


@dataclass
class Command:
    """One change in progress: its connection (inside a transaction) and what it has audited."""

    conn: Connection
    clock: Clock
    changes: Changes
    audited: list[tuple[str, str, str | None]] = field(default_factory=list)
    #: False for a command that applies other devices' changes: not logged as this device's.
    replicate: bool = True

    def audit(self, action: str, kind: str, record_id: str | None, detail: str = "") -> None:
        """Append the audit event for this change (ids and kinds only, never content)."""
        audit.append(
            self.conn,
            at=self.clock.now(),
            action=action,
            kind=kind,
            record_id=record_id,
            detail=detail,
        )
        self.audited.append((action, kind, record_id))

    def audit_edit_once(self, kind: str, record_id: str) -> None:
        """Audit an edit unless the newest event already is an edit of this record.

        Autosave saves a draft every pause in typing; one ``edit`` event per run of autosaves
        says what happened without flooding the log.
        """
        if audit.newest_is(self.conn, "edit", record_id):
            self.audited.append(("edit", kind, record_id))
        else:
            self.audit("edit", kind, record_id)

    def done(self, value: T) -> Changed[T]:
        """The command's result with its change set."""
        return Changed(value, self.changes)


@contextmanager
def run_command(
    conn: Connection, clock: Clock, changes: Changes, *, sync_device: str | None = None
) -> Iterator[Command]:
    """Run one command in one transaction; any error rolls back the change and its event.

    With sync on (``sync_device``), the rows the command changed also become operations in
    the sync outbox, in the same transaction (``storage/sync_log.py``): no change can be
    kept here yet missed by the other computers.
    """
    with transaction(conn) as tx:
        command = Command(tx, clock, changes)
        yield command
        if not command.audited:
            raise UnauditedCommand("a journal command ended without writing its audit event")
        if sync_device is not None:
            if command.replicate:
                sync_log.record_command(tx, sync_device, clock_ms(clock))
            else:
                sync_log.discard_captured(tx)


def clock_ms(clock: Clock) -> int:
    """The clock's current instant in whole milliseconds (the hybrid clock's physical part)."""
    return int(clock.now().timestamp() * 1000)


class UnauditedCommand(RuntimeError):
    """A change command tried to commit without an audit event (a bug, never user input)."""
