"""The segment file and the join envelope: authenticated, strict, and never a crash on junk."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentorjournal.errors import WrongPassphrase
from mentorjournal.sync import folder as layout
from mentorjournal.sync import hlc
from mentorjournal.sync import segment as seg
from mentorjournal.sync.envelope import Envelope, open_envelope, seal_envelope
from mentorjournal.sync.errors import SegmentIncomplete, SegmentRejected
from mentorjournal.sync.ops import Op
from mentorjournal.vault.slots import new_recovery_slot

KEY = seg.segment_key(bytes(range(32)))
JOURNAL = "5d2f1c8e-3b7a-4e61-9a40-2c8d7e6f5a13"
DEVICE = "8e4b2a6c-1d3f-4a57-b9c2-7f0e1d2c3b45"
OPS = [
    Op(hlc.pack(1_700_000_000_000, 0), "mentees", "m1", "put", {"code": "M-1", "notes": "x"}),
    Op(hlc.pack(1_700_000_000_001, 3), "goals", "g1", "del"),
]


def _segment(**overrides: object) -> bytes:
    args: dict[str, object] = {
        "journal_id": JOURNAL, "device_id": DEVICE, "seq": 1, "prev": "", "ops": OPS, "deps": {},
    }  # fmt: skip
    args.update(overrides)
    return seg.encode(KEY, **args)  # type: ignore[arg-type]


def test_a_segment_round_trips_with_its_header() -> None:
    data = _segment(seq=7, prev="ab" * 32, deps={"other": 3})
    decoded = seg.decode(KEY, data)
    assert decoded.ops == tuple(OPS)
    assert (decoded.header.seq, decoded.header.prev, dict(decoded.header.deps)) == (
        7, "ab" * 32, {"other": 3},
    )  # fmt: skip
    assert decoded.header.hlc_min == OPS[0].hlc and decoded.header.hlc_max == OPS[1].hlc
    assert decoded.digest == seg.digest_of(data)


def test_every_header_field_is_authenticated() -> None:
    data = _segment()
    head_len = struct.unpack(">I", data[len(seg.MAGIC) : len(seg.MAGIC) + 4])[0]
    start = len(seg.MAGIC) + 4
    header = json.loads(data[start : start + head_len])
    for name, value in (("seq", 2), ("device", "x" * 36), ("hlc_max", 1), ("deps", {"d": 1})):
        forged = dict(header, **{name: value})
        head = json.dumps(forged, sort_keys=True, separators=(",", ":")).encode()
        rebuilt = seg.MAGIC + struct.pack(">I", len(head)) + head + data[start + head_len :]
        with pytest.raises(SegmentRejected):
            seg.decode(KEY, rebuilt)


def test_a_short_file_is_incomplete_not_forged() -> None:
    data = _segment()
    for cut in (0, 5, len(data) // 2, len(data) - 1):
        with pytest.raises(SegmentIncomplete):
            seg.decode(KEY, data[:cut])
    with pytest.raises(SegmentRejected):
        seg.decode(KEY, data + b"\x00")


def test_the_wrong_key_is_rejected() -> None:
    with pytest.raises(SegmentRejected, match="authentication"):
        seg.decode(seg.segment_key(bytes(32)), _segment())


def test_sizes_are_padded() -> None:
    short = _segment(ops=[OPS[1]])
    longer = _segment(ops=[Op(1, "mentees", "m2", "put", {"notes": "a" * 40})])
    sizes = {seg.read_header(data)[0].body_bytes for data in (short, longer)}
    assert sizes == {seg.PAD_TO + 16}  # one padded block and the tag, whatever was typed


@given(st.binary(max_size=600))
def test_junk_is_refused_without_a_crash(junk: bytes) -> None:
    for data in (junk, seg.MAGIC + junk, _segment()[:40] + junk):
        with contextlib.suppress(SegmentRejected, SegmentIncomplete):
            seg.decode(KEY, data)


def test_the_envelope_opens_only_with_the_recovery_key() -> None:
    data_key = bytearray(os.urandom(32))
    sync_key = bytearray(os.urandom(32))
    slot, recovery_text = new_recovery_slot("vault-1", data_key)
    envelope = seal_envelope(
        journal_id=JOURNAL, device_id=DEVICE, vault_id="vault-1", recovery=slot,
        data_key=data_key, sync_key=sync_key,
    )  # fmt: skip
    stored = envelope.to_bytes()
    assert bytes(sync_key) not in stored and bytes(data_key) not in stored
    assert sync_key.hex().encode() not in stored
    assert open_envelope(Envelope.from_bytes(stored), recovery_text) == sync_key
    _other, other_text = new_recovery_slot("vault-1", data_key)
    with pytest.raises(WrongPassphrase):
        open_envelope(Envelope.from_bytes(stored), other_text)


def test_publish_leaves_no_temp_file_and_survives_a_cross_device_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Sync" / "j" / "devices" / "d" / "00000001-0123456789abcdef.seg"
    staging = tmp_path / "vault" / ".sync-staging"
    layout.publish(target, b"first", staging)
    assert target.read_bytes() == b"first" and list(staging.iterdir()) == []
    real_replace = os.replace
    calls: list[str] = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(os.fspath(src))
        if Path(src).parent == staging:  # the sync folder is on another file system
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    second = target.with_name("00000002-0123456789abcdef.seg")
    layout.publish(second, b"second", staging)
    assert second.read_bytes() == b"second"
    assert Path(calls[-1]).parent == target.parent and Path(calls[-1]).name.endswith(".part")
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name, second.name]


def test_only_segment_names_are_read(tmp_path: Path) -> None:
    device = layout.device_dir(tmp_path, JOURNAL, DEVICE)
    device.mkdir(parents=True)
    for name in (
        "00000001-0123456789abcdef.seg",
        "00000001-0123456789abcdef.sync-conflict-20260105-090000-ABCDEFG.seg",
        "00000002-0123456789abcdef (conflicted copy).seg",
        ".syncthing.00000003-0123456789abcdef.seg.tmp",
        ".00000004-0123456789abcdef.seg.icloud",
        "0000005-0123456789abcdef.seg",
    ):
        (device / name).write_bytes(b"x")
    assert [f.seq for f in layout.segment_files(tmp_path, JOURNAL, DEVICE)] == [1]


def test_autosaves_between_two_syncs_travel_as_one_operation() -> None:
    from mentorjournal.sync.ops import compact

    insert = Op(1, "session_notes", "n1", "put", {"id": "n1", "sections": "a", "mode": "x"})
    saves = [
        Op(2 + i, "session_notes", "n1", "put", {"sections": f"v{i}"}, {"sections": (1 + i, "d")})
        for i in range(5)
    ]
    other_field = Op(9, "session_notes", "n1", "put", {"mode": "y"}, {"mode": (1, "d")})
    delete = Op(10, "goals", "g1", "del")
    out = compact([insert, *saves, other_field, delete])
    assert out[0] == insert  # an insert is never folded away
    assert out[1].fields == {"sections": "v4"} and out[1].hlc == 6
    assert out[1].base == {"sections": (1, "d")}  # the value the run of edits started from
    assert out[2:] == [other_field, delete]
