"""What sync reports to the CLI and the UI: plain values, no database or file handles."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class SyncReport:
    """What one ``sync now`` did."""

    published_ops: int = 0
    published_segments: int = 0
    applied_segments: int = 0
    applied_ops: int = 0
    new_conflicts: int = 0
    parked_ops: int = 0
    waiting_segments: int = 0
    quarantined: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeviceStatus:
    """One device of the journal as this device sees it."""

    device_id: str
    #: The computer's name as it published it (sealed in the folder), None until it has.
    name: str | None
    this_device: bool
    applied_seq: int
    newest_seq_in_folder: int
    pending_segments: int
    last_seen_at: str | None
    clock_ahead_minutes: int


@dataclass(frozen=True)
class Conflict:
    """A version that did not win a merge, kept for the mentor beside the one that did."""

    id: str
    table: str
    record_id: str
    field: str
    current_value: str | None
    other_value: str | None
    other_device: str
    reason: str
    found_at: str


@dataclass(frozen=True)
class SyncStatus:
    """Sync as a whole: on or off, the folder's state, devices, what waits, what needs a look."""

    enabled: bool
    journal_id: str | None = None
    device_id: str | None = None
    folder: str | None = None
    folder_problem: str | None = None
    last_sync_at: str | None = None
    pending_local_ops: int = 0
    devices: tuple[DeviceStatus, ...] = ()
    conflicts: int = 0
    parked_ops: int = 0
    quarantined: tuple[str, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
