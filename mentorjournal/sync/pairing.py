"""Join without the recovery key: a one-time public key and a check code the mentor compares.

The new computer makes an X25519 key pair and leaves a request in the sync folder
(``<journal>/pairing/<request-id>.request``, its public key only). It shows a check code, ten
letters and digits derived from that public key. On a computer already in the journal the
mentor types that code; only the request whose key gives the code is answered: the sync key
sealed (X25519 with a fresh key, HKDF-SHA256, AES-256-GCM) to that public key, in the approving
device's own folder (``pairing-<request-id>.key``). The new computer opens it with its private
key, which never left its memory, and removes its request.

Someone who can write to the folder could post a request of their own, even one whose code
they ground to match a code they saw: the code has 50 bits, so grinding it takes far longer
than a pairing lasts, and ``approve`` refuses when more than one request shows the code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentorjournal.sync import folder as layout
from mentorjournal.sync.errors import SyncError

PAIRING = "pairing"
FORMAT = "mentorjournal-sync-pairing"
CODE_CHARS = 10
INFO = b"mentorjournal sync pairing v1"


def _raw(public: X25519PublicKey) -> bytes:
    return public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def check_code(public_key: bytes) -> str:
    """``XXXXX-XXXXX``: what the mentor reads on one computer and types on the other."""
    digest = hashlib.sha256(b"mentorjournal pairing code\x00" + public_key).digest()
    text = base64.b32encode(digest).decode("ascii")[:CODE_CHARS]
    return f"{text[:5]}-{text[5:]}"


def normal_code(text: str) -> str:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    if len(cleaned) != CODE_CHARS:
        raise SyncError(f"A pairing code has {CODE_CHARS} letters and digits, like ABCDE-23456.")
    return f"{cleaned[:5]}-{cleaned[5:]}"


@dataclass
class Request:
    """The new computer's side: its private key (memory only) and where its request lies."""

    request_id: str
    private: X25519PrivateKey
    path: Path

    @property
    def code(self) -> str:
        return check_code(_raw(self.private.public_key()))


def request(folder: Path, journal_id: str, staging: Path) -> Request:
    """Leave a pairing request in the folder; returns it with its check code."""
    private = X25519PrivateKey.generate()
    request_id = str(uuid.uuid4())
    body = {
        "format": FORMAT,
        "request": request_id,
        "journal": journal_id,
        "public_key": _raw(private.public_key()).hex(),
    }
    path = layout.journal_dir(folder, journal_id) / PAIRING / f"{request_id}.request"
    layout.publish(path, json.dumps(body, sort_keys=True).encode() + b"\n", staging)
    return Request(request_id, private, path)


def _requests(folder: Path, journal_id: str) -> list[tuple[str, bytes]]:
    found = []
    root = layout.journal_dir(folder, journal_id) / PAIRING
    for path in sorted(root.glob("*.request")) if root.is_dir() else []:
        try:
            body = json.loads(path.read_bytes())
            if body["format"] != FORMAT or body["journal"] != journal_id:
                continue
            request_id, public = str(body["request"]), bytes.fromhex(body["public_key"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if len(public) == 32 and path.name == f"{request_id}.request":
            found.append((request_id, public))
    return found


def _ad(journal_id: str, request_id: str, public: bytes) -> bytes:
    return json.dumps([FORMAT, journal_id, request_id, public.hex()]).encode()


def approve(
    folder: Path,
    journal_id: str,
    device_id: str,
    code: str,
    *,
    sync_key: bytes | bytearray,
    staging: Path,
) -> str:
    """Answer the one request showing ``code`` with the sealed sync key; its request id."""
    wanted = normal_code(code)
    matches = [(r, p) for r, p in _requests(folder, journal_id) if check_code(p) == wanted]
    if not matches:
        raise SyncError(
            "No pairing request in the sync folder shows that code. Check the code, and wait "
            "for the sync app to bring the new computer's request here."
        )
    if len(matches) > 1:
        raise SyncError(
            "More than one pairing request shows that code: someone may be trying to join. "
            "Nothing was approved; start the pairing again on the new computer."
        )
    request_id, public = matches[0]
    ephemeral = X25519PrivateKey.generate()
    key = _key(ephemeral.exchange(X25519PublicKey.from_public_bytes(public)), request_id)
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, bytes(sync_key), _ad(journal_id, request_id, public))
    body = {
        "format": FORMAT,
        "request": request_id,
        "ephemeral": _raw(ephemeral.public_key()).hex(),
        "nonce": nonce.hex(),
        "sealed": sealed.hex(),
    }
    target = layout.device_dir(folder, journal_id, device_id) / f"pairing-{request_id}.key"
    layout.publish(target, json.dumps(body, sort_keys=True).encode() + b"\n", staging)
    return request_id


def _key(shared: bytes, request_id: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=request_id.encode(), info=INFO)
    return hkdf.derive(shared)


def answer(folder: Path, journal_id: str, pending: Request) -> bytearray | None:
    """The sync key once some device approved ``pending``; None while nobody has."""
    public = _raw(pending.private.public_key())
    for device in layout.device_ids(folder, journal_id):
        path = layout.device_dir(folder, journal_id, device) / f"pairing-{pending.request_id}.key"
        try:
            body = json.loads(path.read_bytes())
            ephemeral = X25519PublicKey.from_public_bytes(bytes.fromhex(body["ephemeral"]))
            key = _key(pending.private.exchange(ephemeral), pending.request_id)
            plain = AESGCM(key).decrypt(
                bytes.fromhex(body["nonce"]),
                bytes.fromhex(body["sealed"]),
                _ad(journal_id, pending.request_id, public),
            )
        except (OSError, ValueError, KeyError, TypeError, InvalidTag):
            continue
        if len(plain) == 32:
            return bytearray(plain)
    return None


def withdraw(pending: Request) -> None:
    """Remove the request once answered (or abandoned)."""
    pending.path.unlink(missing_ok=True)
