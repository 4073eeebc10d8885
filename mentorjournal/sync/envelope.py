"""``join.key``: how a new computer with the recovery key obtains the journal's sync key.

Each device publishes, in its own folder, a copy of its key file's recovery slot (its data
key sealed under the mentor's recovery key, exactly as in its key file) and the sync key
sealed under a key derived from that data key. Whoever holds the recovery key can open the
first, derive the second's key, and read the sync key; nobody else learns anything, and the
data key and sync key are never in the folder unsealed. After a new recovery key or a new
data key on that device, ``sync now`` publishes a fresh envelope.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentorjournal.errors import WrongPassphrase
from mentorjournal.sync.errors import SyncError
from mentorjournal.vault.keyfile import (
    RecoverySlot,
    WrappedKey,
    recovery_slot_ad,
    unwrap_key,
    wrap_key,
)
from mentorjournal.vault.recovery import parse_recovery_key
from mentorjournal.vault.slots import recovery_kek, wipe

FORMAT = "mentorjournal-sync-join"
VERSION = 1
WRAP_INFO = b"mentorjournal sync key wrap v1"


def _wrap_kek(data_key: bytes | bytearray | memoryview) -> bytearray:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=WRAP_INFO)
    return bytearray(hkdf.derive(bytes(data_key)))


def _sync_ad(journal_id: str, device_id: str) -> bytes:
    return json.dumps(
        {"format": FORMAT, "journal": journal_id, "device": device_id}, sort_keys=True
    ).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


@dataclass(frozen=True)
class Envelope:
    journal_id: str
    device_id: str
    vault_id: str
    recovery: RecoverySlot
    sync_wrapped: WrappedKey

    def to_bytes(self) -> bytes:
        body = {
            "format": FORMAT,
            "version": VERSION,
            "journal": self.journal_id,
            "device": self.device_id,
            "vault": self.vault_id,
            "recovery_salt": _b64(self.recovery.salt),
            "recovery_nonce": _b64(self.recovery.wrapped.nonce),
            "recovery_wrapped": _b64(self.recovery.wrapped.ciphertext),
            "sync_nonce": _b64(self.sync_wrapped.nonce),
            "sync_wrapped": _b64(self.sync_wrapped.ciphertext),
        }
        return json.dumps(body, sort_keys=True, indent=1).encode() + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes) -> Envelope:
        try:
            body: dict[str, Any] = json.loads(data)
            if body["format"] != FORMAT or body["version"] != VERSION:
                raise ValueError("unknown envelope format")
            b = base64.b64decode
            return cls(
                journal_id=str(body["journal"]),
                device_id=str(body["device"]),
                vault_id=str(body["vault"]),
                recovery=RecoverySlot(
                    b(body["recovery_salt"]),
                    WrappedKey(b(body["recovery_nonce"]), b(body["recovery_wrapped"])),
                ),
                sync_wrapped=WrappedKey(b(body["sync_nonce"]), b(body["sync_wrapped"])),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SyncError("A join.key file in the sync folder is damaged.") from exc


def seal_envelope(
    *,
    journal_id: str,
    device_id: str,
    vault_id: str,
    recovery: RecoverySlot,
    data_key: bytes | bytearray | memoryview,
    sync_key: bytes | bytearray,
) -> Envelope:
    """This device's envelope: its recovery slot as is, and the sync key under its data key."""
    kek = _wrap_kek(data_key)
    try:
        wrapped = wrap_key(kek, sync_key, _sync_ad(journal_id, device_id))
    finally:
        wipe(kek)
    return Envelope(journal_id, device_id, vault_id, recovery, wrapped)


def open_envelope(envelope: Envelope, recovery_key: str) -> bytearray:
    """The sync key, or ``WrongPassphrase`` when the recovery key is not this journal's."""
    secret = parse_recovery_key(recovery_key)
    kek = recovery_kek(secret, envelope.recovery.salt)
    wipe(secret)
    try:
        data_key = unwrap_key(
            kek,
            envelope.recovery.wrapped,
            recovery_slot_ad(envelope.vault_id, envelope.recovery.salt),
        )
    finally:
        wipe(kek)
    wrap = _wrap_kek(data_key)
    wipe(data_key)
    try:
        return unwrap_key(
            wrap, envelope.sync_wrapped, _sync_ad(envelope.journal_id, envelope.device_id)
        )
    except WrongPassphrase:
        raise SyncError("A join.key file in the sync folder does not match its device.") from None
    finally:
        wipe(wrap)
