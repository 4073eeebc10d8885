"""Sync between the mentor's own computers: set up, join, sync now, status, conflicts.

The database stays on each computer; ``mentorjournal/sync/`` writes and reads the encrypted
segments in the sync folder (docs/sync.md). Every merge is one command: one transaction,
with an audit event naming the head (sequence and digest) of every device chain it took.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from pathlib import Path

from mentorjournal.changes import Changed, Changes
from mentorjournal.journal.base import JournalBase
from mentorjournal.journal.command import clock_ms
from mentorjournal.storage import sync_log, sync_merge
from mentorjournal.sync import device_info, engine, pairing
from mentorjournal.sync import folder as layout
from mentorjournal.sync.envelope import seal_envelope
from mentorjournal.sync.errors import SyncError, SyncNotSetUp
from mentorjournal.sync.segment import derive_sync_key, segment_key
from mentorjournal.sync.status import Conflict, DeviceStatus, SyncReport, SyncStatus
from mentorjournal.vault.keyfile import read_keyfile
from mentorjournal.vault.slots import wipe

KIND_SYNC = "sync"


class Sync(JournalBase):
    """ "Use on another computer": this vault as one device of a synced journal."""

    def sync_setup(self, folder: Path) -> Changed[SyncReport]:
        """Make this vault the first device of a new synced journal in ``folder``."""
        vault = self._unlocked_vault()
        if sync_log.is_set_up(self._db):
            raise SyncError("This vault already syncs; see `mentorjournal sync status`.")
        folder = folder.expanduser().absolute()
        layout.check_usable(folder)
        layout.refuse_overlap(folder, vault.paths.root)
        journal_id, device_id = str(uuid.uuid4()), str(uuid.uuid4())
        key = derive_sync_key(vault.data_key_view(), journal_id)
        try:
            with self._command(Changes()) as command:
                command.replicate = False
                sync_log.init_state(
                    command.conn, journal_id=journal_id, device_id=device_id, key=key,
                    folder=str(folder), now=self._clock.now().isoformat(),
                )  # fmt: skip
                sync_log.snapshot(command.conn, device_id, clock_ms(self._clock))
                command.audit("sync-setup", KIND_SYNC, journal_id, detail=f"device {device_id}")
        finally:
            wipe(key)
        self._start_sync_capture()
        return self.sync_now()

    def sync_adopt(
        self, folder: Path, journal_id: str, key: bytearray, recovery_key: str | None
    ) -> Changed[SyncReport]:
        """Join: this new, empty vault becomes a device of ``journal_id``, then syncs.

        ``key`` is the journal's sync key, opened with the recovery key from the folder
        (``engine.open_journal_key``; this vault's key file then adopts that same recovery key)
        or received by pairing (``recovery_key`` None: this vault keeps its own).
        """
        vault = self._unlocked_vault()
        if sync_log.is_set_up(self._db):
            raise SyncError("This vault already syncs; a vault joins one journal only.")
        if sync_log.has_records(self._db):
            raise SyncError("Only a new, empty vault can join a journal.")
        folder = folder.expanduser().absolute()
        layout.refuse_overlap(folder, vault.paths.root)
        device_id = str(uuid.uuid4())
        with self._command(Changes()) as command:
            command.replicate = False
            sync_log.init_state(
                command.conn, journal_id=journal_id, device_id=device_id, key=key,
                folder=str(folder), now=self._clock.now().isoformat(),
            )  # fmt: skip
            if recovery_key is not None:
                vault.adopt_recovery_key(recovery_key)
            command.audit("sync-join", KIND_SYNC, journal_id, detail=f"device {device_id}")
        self._start_sync_capture()
        return self.sync_now()

    def sync_join(
        self, folder: Path, recovery_key: str, journal_id: str | None = None
    ) -> Changed[SyncReport]:
        """ "Join a journal": this new, empty vault becomes another computer of the journal in
        ``folder``, opened with the mentor's recovery key (which this vault then adopts)."""
        folder = folder.expanduser().absolute()
        found = engine.find_journal(folder, journal_id)
        key = engine.open_journal_key(folder, found, recovery_key)
        try:
            return self.sync_adopt(folder, found, key, recovery_key)
        finally:
            wipe(key)

    def sync_now(self) -> Changed[SyncReport]:
        """Merge every device's new segments, then publish this device's own changes."""
        state = self._sync_state()
        vault = self._unlocked_vault()
        folder = Path(state.folder)
        layout.check_usable(folder)
        now, now_ms = self._clock.now().isoformat(), clock_ms(self._clock)
        sync_key = sync_log.sync_key(self._db)
        try:
            key = segment_key(sync_key)
            incoming = engine.read_incoming(self._db, folder, key, now)
            changes = Changes.all() if incoming.ready else Changes()
            if incoming.ready or incoming.quarantined:
                with self._command(changes) as command:
                    command.replicate = False
                    merged = engine.merge(command.conn, incoming, now=now, now_ms=now_ms)
                    sync_log.set_last_sync(command.conn, now)
                    command.audit("merge", KIND_SYNC, state.journal_id, detail=_heads(merged.heads))
                    for kind, record_id in merged.erased_signed:
                        # By name, as the journal's own erasure: verify tells it from a loss.
                        command.audit("erase", kind, record_id, detail="erased on another computer")
            else:
                with self._tx() as conn:
                    merged = engine.merge(conn, incoming, now=now, now_ms=now_ms)
                    sync_log.set_last_sync(conn, now)
            staging = engine.staging_dir(vault.paths.root)
            envelope = seal_envelope(
                journal_id=state.journal_id, device_id=state.device_id,
                vault_id=vault.vault_id, recovery=read_keyfile(vault.paths.keyfile).recovery,
                data_key=vault.data_key_view(), sync_key=sync_key,
            )  # fmt: skip
            own = layout.device_dir(folder, state.journal_id, state.device_id)
            engine.publish_envelope(own / layout.JOIN_FILE, envelope, staging)
            device_info.publish(key, folder, state.journal_id, state.device_id, staging)
            published = engine.publish(
                self._db, folder, staging, key, deps=engine.applied_seqs(self._db), now=now
            )
        finally:
            wipe(sync_key)
        report = SyncReport(
            published_ops=published.ops,
            published_segments=published.segments,
            applied_segments=merged.segments,
            applied_ops=merged.ops,
            new_conflicts=merged.conflicts,
            parked_ops=merged.parked,
            waiting_segments=incoming.waiting,
            quarantined=tuple(incoming.quarantined),
            warnings=merged.clock_warnings,
        )
        return Changed(report, changes)

    def sync_approve(self, code: str) -> Changed[str]:
        """Let the new computer showing ``code`` join: seal the sync key to its pairing key."""
        state = self._sync_state()
        vault = self._unlocked_vault()
        folder = Path(state.folder)
        layout.check_usable(folder)
        sync_key = sync_log.sync_key(self._db)
        try:
            with self._command(Changes()) as command:
                request_id = pairing.approve(
                    folder, state.journal_id, state.device_id, code, sync_key=sync_key,
                    staging=engine.staging_dir(vault.paths.root),
                )  # fmt: skip
                command.audit("sync-approve", KIND_SYNC, request_id)
        finally:
            wipe(sync_key)
        return command.done(request_id)

    def sync_status(self) -> SyncStatus:
        """Devices, what waits on each side, conflicts, quarantine, and the folder's state."""
        state = sync_log.state(self._db)
        if state is None:
            return SyncStatus(enabled=False)
        folder = Path(state.folder)
        problem = None
        try:
            layout.check_usable(folder)
        except SyncError as exc:
            problem = str(exc)
        known = sync_merge.devices(self._db)
        sync_key = sync_log.sync_key(self._db)
        key = segment_key(sync_key)
        wipe(sync_key)
        ids = set(known) | set(layout.device_ids(folder, state.journal_id)) | {state.device_id}
        devices = []
        warnings = []
        for device in sorted(ids):
            row = known.get(device)
            applied = row.applied_seq if row else 0
            files = {f.seq for f in layout.segment_files(folder, state.journal_id, device)}
            ahead = (row.clock_ahead_ms if row else 0) // 60000
            if ahead >= 60:
                warnings.append(f"The clock of device {device[:8]} is {ahead} minutes ahead.")
            devices.append(
                DeviceStatus(
                    device_id=device,
                    name=device_info.read(key, folder, state.journal_id, device),
                    this_device=device == state.device_id,
                    applied_seq=applied,
                    newest_seq_in_folder=max(files, default=0),
                    pending_segments=len([s for s in files if s > applied]),
                    last_seen_at=row.last_seen_at if row else None,
                    clock_ahead_minutes=ahead,
                )
            )
        return SyncStatus(
            enabled=True,
            journal_id=state.journal_id,
            device_id=state.device_id,
            folder=state.folder,
            folder_problem=problem,
            last_sync_at=state.last_sync_at,
            pending_local_ops=sync_log.outbox_count(self._db),
            devices=tuple(devices),
            conflicts=len(sync_merge.open_conflicts(self._db)),
            parked_ops=sync_merge.parked_count(self._db),
            quarantined=tuple(f"{d}/{n}: {r}" for d, n, r in sync_merge.quarantined(self._db)),
            warnings=tuple(warnings),
        )

    def verify_sync(self) -> list[str]:
        """Problems ``verify`` reports about sync (none when sync is off or the folder absent)."""
        return engine.verify_problems(self._db)

    def sync_conflicts(self) -> list[Conflict]:
        """Open conflicts, each with the current value beside the one that did not win."""
        found = []
        for row in sync_merge.open_conflicts(self._db):
            current = sync_log.read_row(self._db, row.tbl, row.record_id)
            value = None
            if current is not None and row.field in current:
                cell = current[row.field]
                value = None if cell is None else str(cell)
            found.append(
                Conflict(
                    id=row.id,
                    table=row.tbl,
                    record_id=row.record_id,
                    field=row.field,
                    current_value=value,
                    other_value=row.other_value,
                    other_device=row.other_device,
                    reason=row.reason,
                    found_at=row.found_at,
                )
            )
        return found

    def resolve_sync_conflict(self, conflict_id: str, *, keep_other: bool = False) -> Changed[bool]:
        """Settle a conflict: keep the text that won, or (``keep_other``) take the other one.

        Taking the other version is an edit like any other: it reaches every computer. A
        signed note refuses it (``RecordSigned``); its other version stays readable here.
        """
        with self._command(Changes.all() if keep_other else Changes()) as command:
            done = sync_merge.resolve_conflict(
                command.conn, conflict_id, self._clock.now().isoformat(), keep_other=keep_other
            )
            command.audit("sync-resolve", KIND_SYNC, conflict_id)
        return command.done(done)

    def _sync_state(self) -> sync_log.SyncState:
        state = sync_log.state(self._db)
        if state is None:
            raise SyncNotSetUp("This vault does not sync yet.")
        return state


def _heads(heads: Mapping[str, tuple[int, str]]) -> str:
    """Audit detail: the head of every device chain merged (ids and digests, no content)."""
    return json.dumps({d: f"{s}:{h[:16]}" for d, (s, h) in sorted(heads.items())})
