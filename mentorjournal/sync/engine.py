"""One round of sync: publish this device's outbox as a segment, read and merge everyone's.

Publishing: the outbox is written as segments (at most ``MAX_OPS`` operations each) named
``<seq>-<digest>.seg`` in this device's folder, each chained to the previous by its digest
and carrying its causal dependencies. Only after the file is in place does the database
forget those operations, so a crash in between republishes them (operations are idempotent).

Reading: for every device (this one too: a vault restored from an older backup finds its own
newer segments and takes them back), the next segments in sequence are read. A file still
arriving is left for next time; a complete file that fails any check is quarantined (recorded,
reported, never applied) and a valid file with the same number may still replace it. Segments
are applied once their dependencies are, all in one transaction, in (clock, device, sequence)
order, and remembered as applied.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mentorjournal.storage import sealing, sync_index, sync_log, sync_merge
from mentorjournal.storage.connection import Connection, transaction
from mentorjournal.sync import folder as layout
from mentorjournal.sync import hlc as _hlc
from mentorjournal.sync import segment as _segment
from mentorjournal.sync.envelope import Envelope, open_envelope
from mentorjournal.sync.errors import SegmentIncomplete, SegmentRejected, SyncError
from mentorjournal.sync.ops import compact

MAX_OPS = 2000
#: A segment file larger than this is not read (no honest device writes one).
MAX_SEGMENT_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class Published:
    ops: int
    segments: int


@dataclass
class Incoming:
    """What one read of the folder found: segments ready to apply, and what was refused."""

    ready: list[_segment.Segment] = field(default_factory=list)
    waiting: int = 0
    quarantined: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MergeSummary:
    segments: int
    ops: int
    conflicts: int
    parked: int
    heads: Mapping[str, tuple[int, str]]
    clock_warnings: tuple[str, ...]
    erased_signed: tuple[tuple[str, str], ...] = ()


def publish(
    conn: Connection,
    folder: Path,
    staging: Path,
    key: bytes,
    *,
    deps: Mapping[str, int],
    now: str,
) -> Published:
    """Write the outbox as segments; each one is committed as published right after its file."""
    st = sync_log.state(conn)
    assert st is not None
    total_ops = segments = 0
    target_dir = layout.device_dir(folder, st.journal_id, st.device_id)
    while True:
        batch = sync_log.outbox(conn, MAX_OPS)
        if not batch:
            return Published(total_ops, segments)
        own = sync_merge.devices(conn).get(st.device_id)
        seq = (own.applied_seq if own else 0) + 1
        prev = own.applied_hash if own else ""
        ops = compact([op for _n, op in batch])
        data = _segment.encode(
            key,
            journal_id=st.journal_id,
            device_id=st.device_id,
            seq=seq,
            prev=prev,
            ops=ops,
            deps={d: s for d, s in deps.items() if d != st.device_id},
        )
        digest = _segment.digest_of(data)
        layout.publish(target_dir / layout.segment_name(seq, digest), data, staging)
        with transaction(conn):
            sync_log.drop_outbox_upto(conn, batch[-1][0])
            sync_merge.mark_applied(
                conn, st.device_id, seq=seq, digest=digest, max_hlc=max(o.hlc for o in ops),
                now=now, ahead_ms=0,
            )  # fmt: skip
        total_ops += len(ops)
        segments += 1


def read_incoming(conn: Connection, folder: Path, key: bytes, now: str) -> Incoming:
    """The segments that can be applied now, in dependency order (no database writes).

    Quarantine records are returned for the caller to store in its transaction.
    """
    st = sync_log.state(conn)
    assert st is not None
    known = sync_merge.devices(conn)
    found = Incoming()
    chains: dict[str, list[_segment.Segment]] = {}
    for device in layout.device_ids(folder, st.journal_id):
        row = known.get(device)
        chain, waiting, refused = _read_chain(
            conn, folder, st.journal_id, device, key,
            applied_seq=row.applied_seq if row else 0,
            applied_hash=row.applied_hash if row else "",
        )  # fmt: skip
        chains[device] = chain
        found.waiting += waiting
        found.quarantined += refused
    applied = {d: r.applied_seq for d, r in known.items()}
    progress = True
    while progress:
        progress = False
        for device, chain in chains.items():
            while chain and _deps_met(chain[0], applied):
                seg = chain.pop(0)
                found.ready.append(seg)
                applied[device] = seg.header.seq
                progress = True
    found.waiting += sum(len(c) for c in chains.values())
    return found


def _deps_met(seg: _segment.Segment, applied: Mapping[str, int]) -> bool:
    return all(applied.get(d, 0) >= s for d, s in seg.header.deps.items())


def _read_chain(
    conn: Connection,
    folder: Path,
    journal_id: str,
    device: str,
    key: bytes,
    *,
    applied_seq: int,
    applied_hash: str,
) -> tuple[list[_segment.Segment], int, list[str]]:
    """The device's next complete, authenticated segments in sequence; waiting; refused."""
    files = [f for f in layout.segment_files(folder, journal_id, device) if f.seq > applied_seq]
    by_seq: dict[int, list[layout.SegmentFile]] = {}
    for f in files:
        by_seq.setdefault(f.seq, []).append(f)
    chain: list[_segment.Segment] = []
    refused: list[str] = []
    seq, prev = applied_seq + 1, applied_hash
    while seq in by_seq:
        chosen = None
        for candidate in by_seq[seq]:
            try:
                seg = _load(candidate, key, journal_id, device, prev)
            except SegmentIncomplete:
                continue
            except SegmentRejected as exc:
                # Read again every time: a sync engine may yet replace it with good bytes.
                if not sync_merge.is_quarantined(conn, device, candidate.path.name):
                    refused.append(f"{device}/{candidate.path.name}: {exc}")
                continue
            chosen = seg
            break
        if chosen is None:
            break
        refused += _forks(conn, by_seq[seq], chosen, key, device)
        chain.append(chosen)
        seq, prev = seq + 1, chosen.digest
    waiting = len(by_seq) - len(chain)  # still arriving, or behind a gap or a refused one
    return chain, waiting, refused


def _forks(
    conn: Connection,
    candidates: list[layout.SegmentFile],
    chosen: _segment.Segment,
    key: bytes,
    device: str,
) -> list[str]:
    """Other authentic segments with the chosen one's number: one device id, two writers."""
    found = []
    for candidate in candidates:
        if candidate.short_digest == chosen.digest[:16]:
            continue
        try:
            _segment.decode(key, candidate.path.read_bytes())
        except (OSError, SegmentIncomplete, SegmentRejected):
            continue
        if not sync_merge.is_quarantined(conn, device, candidate.path.name):
            found.append(
                f"{device}/{candidate.path.name}: a second segment with the same number; two "
                "vaults write as this one device (was a vault folder copied instead of joined?)"
            )
    return found


def _load(
    f: layout.SegmentFile, key: bytes, journal_id: str, device: str, prev: str
) -> _segment.Segment:
    try:
        size = f.path.stat().st_size
        if size == 0:
            raise SegmentIncomplete("placeholder (no content yet)")
        if size > MAX_SEGMENT_BYTES:
            raise SegmentRejected("segment too large")
        data = f.path.read_bytes()
    except FileNotFoundError:
        raise SegmentIncomplete("file went away") from None
    except OSError as exc:
        raise SegmentIncomplete(f"cannot read yet ({exc.strerror})") from None
    seg = _segment.decode(key, data)
    h = seg.header
    if h.journal_id != journal_id or h.device_id != device or h.seq != f.seq:
        raise SegmentRejected("segment header does not match where it lies")
    if seg.digest[:16] != f.short_digest:
        raise SegmentRejected("segment content does not match its name")
    if h.prev != prev:
        raise SegmentRejected("segment does not follow the one applied before it")
    return seg


def merge(conn: Connection, incoming: Incoming, *, now: str, now_ms: int) -> MergeSummary:
    """Apply ready segments (caller's transaction): ops, applied marks, clock, search index."""
    st = sync_log.state(conn)
    assert st is not None
    for entry in incoming.quarantined:
        device, _, rest = entry.partition("/")
        name, _, reason = rest.partition(": ")
        sync_merge.quarantine(conn, device, name, reason, now)
    pending = [
        sync_merge.Pending(op, seg.header.device_id, seg.header.seq, idx)
        for seg in incoming.ready
        for idx, op in enumerate(seg.ops)
    ]
    result = sync_merge.apply_all(conn, pending, now)
    # Signed on another computer, under its own data key: sealed here as it arrives.
    sealing.seal_arrivals(conn, result.touched, "synced")
    clock = st.hlc
    heads: dict[str, tuple[int, str]] = {}
    warnings: list[str] = []
    for seg in incoming.ready:
        h = seg.header
        ahead = _hlc.ahead_by_ms(h.hlc_max, now_ms)
        sync_merge.mark_applied(
            conn, h.device_id, seq=h.seq, digest=seg.digest, max_hlc=h.hlc_max, now=now,
            ahead_ms=ahead,
        )  # fmt: skip
        heads[h.device_id] = (h.seq, seg.digest)
        if ahead > _hlc.MAX_AHEAD_MS:
            warnings.append(
                f"The clock of device {h.device_id[:8]} is {ahead // 60000} minutes ahead of "
                "this computer's; its changes were applied but its clock was not followed."
            )
        clock = _hlc.observe(clock, h.hlc_max, now_ms)
    sync_log.set_hlc(conn, clock)
    sync_index.refresh(conn, result.touched, result.deleted)
    return MergeSummary(
        segments=len(incoming.ready),
        ops=result.applied,
        conflicts=result.conflicts,
        parked=result.parked,
        heads=heads,
        clock_warnings=tuple(warnings),
        erased_signed=tuple(result.erased_signed),
    )


def check_chains(conn: Connection, folder: Path, key: bytes) -> list[str]:
    """What ``verify`` reports about sync: each device chain merged here against the folder.

    For every device, the last segment this vault merged must still be in the folder with the
    digest remembered here, and must authenticate. A missing folder is not a problem of the
    vault (the drive may be unplugged); a segment that differs from what was merged is.
    """
    st = sync_log.state(conn)
    if st is None or not folder.is_dir():
        return []
    problems = []
    for device, row in sorted(sync_merge.devices(conn).items()):
        if row.applied_seq == 0:
            continue
        files = [
            f
            for f in layout.segment_files(folder, st.journal_id, device)
            if f.seq == row.applied_seq and f.short_digest == row.applied_hash[:16]
        ]
        label = f"sync: device {device[:8]} segment {row.applied_seq}"
        if not files:
            problems.append(f"{label} merged here is no longer in the sync folder")
            continue
        try:
            data = files[0].path.read_bytes()
            _segment.decode(key, data)
        except (OSError, SegmentIncomplete, SegmentRejected) as exc:
            problems.append(f"{label} no longer authenticates ({exc})")
            continue
        if _segment.digest_of(data) != row.applied_hash:
            problems.append(f"{label} differs from the one merged here")
    return problems


def verify_problems(conn: Connection) -> list[str]:
    """``check_chains`` for this vault's own folder and key (none when sync is off)."""
    st = sync_log.state(conn)
    if st is None:
        return []
    sync_key = sync_log.sync_key(conn)
    try:
        return check_chains(conn, Path(st.folder), _segment.segment_key(sync_key))
    finally:
        sync_key[:] = bytes(len(sync_key))


def applied_seqs(conn: Connection) -> dict[str, int]:
    return {d: r.applied_seq for d, r in sync_merge.devices(conn).items()}


# --- join ----------------------------------------------------------------------------------


def find_journal(folder: Path, journal_id: str | None) -> str:
    """The journal to join: the one named, or the only one in the folder."""
    layout.check_usable(folder)
    journals = layout.journals_in(folder)
    if journal_id is not None:
        if journal_id not in journals:
            raise SyncError(f"The sync folder {folder} holds no journal {journal_id}.")
        return journal_id
    if not journals:
        raise SyncError(
            f"The sync folder {folder} holds no journal yet. Run `sync setup` on the first "
            "computer, and wait for the sync app to bring the folder here."
        )
    if len(journals) > 1:
        raise SyncError(
            f"The sync folder {folder} holds {len(journals)} journals; name one with --journal."
        )
    return journals[0]


def envelopes(folder: Path, journal_id: str) -> Iterable[Envelope]:
    for device in layout.device_ids(folder, journal_id):
        path = layout.device_dir(folder, journal_id, device) / layout.JOIN_FILE
        try:
            data = path.read_bytes()
        except OSError:
            continue
        envelope = Envelope.from_bytes(data)
        if envelope.journal_id == journal_id and envelope.device_id == device:
            yield envelope


def open_journal_key(folder: Path, journal_id: str, recovery_key: str) -> bytearray:
    """The journal's sync key, opened with the recovery key from any device's envelope."""
    from mentorjournal.errors import WrongPassphrase

    tried = 0
    for envelope in envelopes(folder, journal_id):
        tried += 1
        try:
            return open_envelope(envelope, recovery_key)
        except WrongPassphrase:
            continue
    if not tried:
        raise SyncError(
            f"The sync folder {folder} has no join.key for journal {journal_id} yet; "
            "wait for the sync app to finish copying."
        )
    raise WrongPassphrase("That recovery key does not open this journal.")


def publish_envelope(target: Path, envelope: Envelope, staging: Path) -> bool:
    """Write ``join.key`` when it is missing or differs; returns whether it was written."""
    data = envelope.to_bytes()
    try:
        current = Envelope.from_bytes(target.read_bytes())
        if (current.recovery, current.vault_id) == (envelope.recovery, envelope.vault_id):
            return False
    except (OSError, SyncError):
        pass
    layout.publish(target, data, staging)
    return True


def staging_dir(vault_root: Path) -> Path:
    path = vault_root / ".sync-staging"
    path.mkdir(mode=0o700, exist_ok=True)
    os.chmod(path, 0o700)
    return path
