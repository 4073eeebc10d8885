"""A simulated sync engine for tests: each device has its own copy of the sync folder, and a
transport copies files between copies the way a sync engine may, or may misbehave.

Faults it can make: deliver out of order, twice, truncated then whole, late (held back),
as a zero-length placeholder first, beside conflict copies and temp files, and never (a
partition or a device offline for months). Clocks are per device, so they can be skewed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mentorjournal.clock import ManualClock
from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.storage import sync_log
from mentorjournal.sync import engine
from tests.fixtures.journal_fixtures import db_of
from tests.fixtures.vault_fixtures import TEST_KDF, TEST_PASSPHRASE


@dataclass
class Device:
    name: str
    journal: Journal
    view: Path
    clock: ManualClock

    @property
    def device_id(self) -> str:
        status = self.journal.sync_status()
        assert status.device_id is not None
        return status.device_id

    def sync(self) -> Any:
        return self.journal.sync_now().value


class Net:
    """Devices of one journal, each with its own view of the sync folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.devices: dict[str, Device] = {}
        self.recovery_key = ""
        self.journal_id = ""

    def _new(self, name: str, clock: ManualClock | None) -> tuple[Journal, Path, ManualClock]:
        clock = clock or ManualClock()
        state = self.root / f"state-{name}"
        state.mkdir()
        view = self.root / f"view-{name}"
        view.mkdir()
        journal, recovery = Journal.create(
            VaultPaths(self.root / f"vault-{name}"), TEST_PASSPHRASE, clock=clock,
            state_dir=state, kdf=TEST_KDF,
        )  # fmt: skip
        if not self.recovery_key:
            self.recovery_key = recovery
        return journal, view, clock

    def first(self, name: str, fill: Callable[[Journal], object] | None = None) -> Device:
        journal, view, clock = self._new(name, None)
        if fill is not None:
            fill(journal)
        journal.sync_setup(view)
        self.journal_id = engine.find_journal(view, None)
        device = Device(name, journal, view, clock)
        self.devices[name] = device
        return device

    def join(self, name: str, via: Device, clock: ManualClock | None = None) -> Device:
        journal, view, clock = self._new(name, clock)
        self.copy_all(via, view)
        key = engine.open_journal_key(view, self.journal_id, self.recovery_key)
        journal.sync_adopt(view, self.journal_id, key, self.recovery_key)
        device = Device(name, journal, view, clock)
        self.devices[name] = device
        return device

    # --- the transport ---------------------------------------------------------------------

    def files(self, source: Device | Path) -> list[Path]:
        """Every file in a device's view (relative), as a sync engine would offer them."""
        view = source.view if isinstance(source, Device) else source
        return sorted(p.relative_to(view) for p in view.rglob("*") if p.is_file())

    def copy_all(self, source: Device, target: Path | Device) -> int:
        view = target.view if isinstance(target, Device) else target
        copied = 0
        for rel in self.files(source):
            dest = view / rel
            data = (source.view / rel).read_bytes()
            if not dest.exists() or dest.read_bytes() != data:
                self.put(view, rel, data)
                copied += 1
        return copied

    def put(self, view: Path, rel: Path, data: bytes) -> None:
        dest = view / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)

    def deliver(self, source: Device, target: Device, rels: Iterable[Path]) -> None:
        for rel in rels:
            self.put(target.view, rel, (source.view / rel).read_bytes())

    def mesh(self, rounds: int = 3) -> None:
        """Everyone sees everyone's files and syncs, until nothing moves."""
        for _ in range(rounds):
            for source in self.devices.values():
                for target in self.devices.values():
                    if source is not target:
                        self.copy_all(source, target)
            for device in self.devices.values():
                device.sync()


def contents(journal: Journal) -> dict[str, list[tuple[Any, ...]]]:
    """Every replicated table's rows, in id order: what "identical contents" compares."""
    conn = db_of(journal)
    return {
        table: [tuple(r) for r in conn.execute(f'SELECT * FROM "{table}" ORDER BY id')]
        for table in sorted(sync_log.replicated_tables(conn))
    }


def copy_tree(source: Path, target: Path) -> None:
    shutil.copytree(source, target, dirs_exist_ok=True)
