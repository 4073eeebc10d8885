"""The segment file: a plain header, then the operations encrypted and authenticated.

Layout: ``MAGIC``, the header length (4 bytes, big-endian), the header (canonical JSON), then
AES-256-GCM ciphertext of the zlib-compressed operations, padded to a multiple of
``PAD_TO`` bytes so a segment's size says little about what was typed. The whole prefix
(magic, length, header) is the associated data: changing any header field fails
authentication like changing the ciphertext does.

The header is readable without the key on purpose: a reader must know the journal, device,
sequence and expected length before it can tell a segment still arriving from a forged one.
It names no person and holds no content; it does show when the device wrote (the clock range).
The key is derived (HKDF) from the journal's sync key, itself derived from the data key of the
device that set sync up; it never appears in the folder unwrapped.
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentorjournal.sync.errors import SegmentIncomplete, SegmentRejected
from mentorjournal.sync.ops import Op

MAGIC = b"MJSYNC1\n"
FORMAT = 1
NONCE_BYTES = 12
PAD_TO = 256
MAX_HEADER_BYTES = 4096
#: Refuse to decompress more than this from one segment (a decompression bomb, even if signed).
MAX_PLAIN_BYTES = 256 * 1024 * 1024
SEGMENT_KEY_INFO = b"mentorjournal sync segment v1"
SYNC_KEY_INFO = b"mentorjournal sync journal key v1"


def derive_sync_key(data_key: bytes | bytearray | memoryview, journal_id: str) -> bytearray:
    """The journal's sync key, derived once from the data key of the device that set sync up."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=journal_id.encode("ascii"), info=SYNC_KEY_INFO
    )
    return bytearray(hkdf.derive(bytes(data_key)))


def segment_key(sync_key: bytes | bytearray) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=SEGMENT_KEY_INFO)
    return hkdf.derive(bytes(sync_key))


@dataclass(frozen=True)
class Header:
    """What a segment says about itself, in clear (and authenticated)."""

    journal_id: str
    device_id: str
    seq: int
    prev: str
    hlc_min: int
    hlc_max: int
    count: int
    nonce: bytes
    body_bytes: int
    #: Causal dependencies: for each other device, the last of its segments applied here
    #: when this one was written. A reader applies this segment only after those.
    deps: Mapping[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "cipher": "AES-256-GCM",
            "journal": self.journal_id,
            "device": self.device_id,
            "seq": self.seq,
            "prev": self.prev,
            "hlc_min": self.hlc_min,
            "hlc_max": self.hlc_max,
            "count": self.count,
            "nonce": self.nonce.hex(),
            "body_bytes": self.body_bytes,
            "deps": dict(sorted(self.deps.items())),
        }

    @classmethod
    def from_json(cls, data: Any) -> Header:
        try:
            if data["format"] != FORMAT or data["cipher"] != "AES-256-GCM":
                raise SegmentRejected("unknown segment format")
            header = cls(
                journal_id=str(data["journal"]),
                device_id=str(data["device"]),
                seq=int(data["seq"]),
                prev=str(data["prev"]),
                hlc_min=int(data["hlc_min"]),
                hlc_max=int(data["hlc_max"]),
                count=int(data["count"]),
                nonce=bytes.fromhex(str(data["nonce"])),
                body_bytes=int(data["body_bytes"]),
                deps={str(k): int(v) for k, v in dict(data["deps"]).items()},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SegmentRejected(f"malformed segment header ({type(exc).__name__})") from None
        if header.seq < 1 or len(header.nonce) != NONCE_BYTES or header.body_bytes < 16:
            raise SegmentRejected("segment header out of range")
        return header


@dataclass(frozen=True)
class Segment:
    """A complete, authenticated segment and the digest of its bytes (its chain link)."""

    header: Header
    ops: tuple[Op, ...]
    digest: str


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _pad(data: bytes) -> bytes:
    """Length-prefixed, then zero-padded to a multiple of ``PAD_TO``."""
    framed = struct.pack(">I", len(data)) + data
    return framed + bytes(-len(framed) % PAD_TO)


def _unpad(data: bytes) -> bytes:
    if len(data) < 4:
        raise SegmentRejected("segment body too short")
    (length,) = struct.unpack(">I", data[:4])
    if length > len(data) - 4:
        raise SegmentRejected("segment body length out of range")
    return data[4 : 4 + length]


def encode(
    key: bytes,
    *,
    journal_id: str,
    device_id: str,
    seq: int,
    prev: str,
    ops: Sequence[Op],
    deps: Mapping[str, int],
) -> bytes:
    """The bytes of one segment holding ``ops`` (at least one)."""
    if not ops:
        raise ValueError("a segment holds at least one operation")
    plain = _pad(zlib.compress(_canonical([op.to_json() for op in ops]), 6))
    nonce = os.urandom(NONCE_BYTES)
    stamps = [op.hlc for op in ops]
    header = Header(
        journal_id=journal_id,
        device_id=device_id,
        seq=seq,
        prev=prev,
        hlc_min=min(stamps),
        hlc_max=max(stamps),
        count=len(ops),
        nonce=nonce,
        body_bytes=len(plain) + 16,
        deps=deps,
    )
    head = _canonical(header.to_json())
    prefix = MAGIC + struct.pack(">I", len(head)) + head
    return prefix + AESGCM(key).encrypt(nonce, plain, prefix)


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_header(data: bytes) -> tuple[Header, bytes, bytes]:
    """The header, the authenticated prefix and the ciphertext; incomplete or rejected."""
    fixed = len(MAGIC) + 4
    if len(data) < fixed:
        raise SegmentIncomplete("segment shorter than its fixed prefix")
    if data[: len(MAGIC)] != MAGIC:
        raise SegmentRejected("not a segment (bad magic)")
    (head_len,) = struct.unpack(">I", data[len(MAGIC) : fixed])
    if head_len > MAX_HEADER_BYTES:
        raise SegmentRejected("segment header too long")
    if len(data) < fixed + head_len:
        raise SegmentIncomplete("segment shorter than its header")
    try:
        parsed = json.loads(data[fixed : fixed + head_len])
    except (ValueError, UnicodeDecodeError):
        raise SegmentRejected("segment header is not JSON") from None
    header = Header.from_json(parsed)
    body = data[fixed + head_len :]
    if len(body) < header.body_bytes:
        raise SegmentIncomplete("segment still arriving")
    if len(body) > header.body_bytes:
        raise SegmentRejected("segment longer than its header says")
    return header, data[: fixed + head_len], body


def decode(key: bytes, data: bytes) -> Segment:
    """A complete segment, authenticated and parsed; ``SegmentIncomplete``/``SegmentRejected``."""
    header, prefix, body = read_header(data)
    try:
        plain = AESGCM(key).decrypt(header.nonce, body, prefix)
    except InvalidTag:
        raise SegmentRejected("segment failed authentication") from None
    inflater = zlib.decompressobj()
    try:
        raw = inflater.decompress(_unpad(plain), MAX_PLAIN_BYTES)
        if inflater.unconsumed_tail:
            raise SegmentRejected("segment expands beyond the limit")
        items = json.loads(raw)
        if not isinstance(items, list):
            raise ValueError("operations are a list")
        ops = tuple(Op.from_json(item) for item in items)
    except (zlib.error, ValueError, UnicodeDecodeError) as exc:
        raise SegmentRejected(f"segment content malformed ({type(exc).__name__})") from None
    if len(ops) != header.count:
        raise SegmentRejected("segment operation count differs from its header")
    return Segment(header, ops, digest_of(data))
