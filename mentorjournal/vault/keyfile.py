"""The key file: which keys unlock the vault, stored so damage and tampering are told apart.

Layout (UTF-8 text, three lines)::

    MENTORJOURNAL-KEYFILE <version>
    <canonical JSON: header (vault id, change counter, slot parameters) + wrapped keys + MAC>
    sha256:<hex of the two lines above>

* The SHA-256 line catches random damage (a bad sector, a half-synced copy): ``VaultCorrupt``.
* Each slot wraps the 32-byte data key with AES-256-GCM. Its associated data is the slot's
  header (format version, vault id, the slot's KDF parameters and salt), so changing any of
  those fails the unwrap. A wrap that fails on an intact file means a wrong passphrase.
* Slots are wrapped independently so the passphrase can change without the recovery key (and
  the other way round). The whole header, including the change counter and both slots, is then
  authenticated by an HMAC keyed from the data key: any edit fails the unlock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentorjournal.errors import VaultCorrupt, VaultMissing, WrongPassphrase
from mentorjournal.fsutil import atomic_write_bytes
from mentorjournal.vault.kdf import KdfParams, within_unlock_limits

#: Written by this version. Format 1 (read, upgraded on the next write) lacks the key
#: generation and the audit head. The slots' associated data keeps saying format 1
#: (``SLOT_FORMAT``): a slot made under format 1 stays valid, and no slot ever needs rewrapping.
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)
SLOT_FORMAT = 1
MAGIC = "MENTORJOURNAL-KEYFILE"
NONCE_BYTES = 12
MAX_KEYFILE_BYTES = 64 * 1024
_CHECKSUM_PREFIX = "sha256:"


@dataclass(frozen=True)
class WrappedKey:
    """The data key sealed by one unlock method's key-encryption key."""

    nonce: bytes
    ciphertext: bytes


@dataclass(frozen=True)
class PassphraseSlot:
    params: KdfParams
    salt: bytes
    wrapped: WrappedKey


@dataclass(frozen=True)
class RecoverySlot:
    salt: bytes
    wrapped: WrappedKey


@dataclass(frozen=True)
class AuditHead:
    """The newest audit event this key file has seen: its ``seq`` and keyed chain value.

    Kept outside the database so a log cut short (its tail deleted) is caught by ``verify``.
    """

    seq: int
    mac: bytes


@dataclass(frozen=True)
class KeyFile:
    """One parsed key file. ``mac`` authenticates everything else under the data key.

    ``generation`` goes up with every change of the secrets (passphrase, recovery key, data
    key); the database records it too, so an older key file put back is refused.
    """

    vault_id: str
    change_counter: int
    passphrase: PassphraseSlot
    recovery: RecoverySlot
    mac: bytes = b""
    generation: int = 0
    audit_head: AuditHead | None = None
    version: int = FORMAT_VERSION


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _params_dict(params: KdfParams) -> dict[str, int]:
    return {"memory_kib": params.memory_kib, "iterations": params.iterations, "lanes": params.lanes}


def passphrase_slot_ad(vault_id: str, params: KdfParams, salt: bytes) -> bytes:
    """Associated data for the passphrase slot: its whole header, serialised canonically."""
    return _canonical(
        {
            "format": SLOT_FORMAT,
            "vault_id": vault_id,
            "slot": "passphrase",
            "kdf": "argon2id",
            **_params_dict(params),
            "salt": _b64(salt),
        }
    )


def recovery_slot_ad(vault_id: str, salt: bytes) -> bytes:
    """Associated data for the recovery slot."""
    return _canonical(
        {
            "format": SLOT_FORMAT,
            "vault_id": vault_id,
            "slot": "recovery",
            "kdf": "hkdf-sha256",
            "salt": _b64(salt),
        }
    )


def wrap_key(kek: bytes | bytearray, data_key: bytes | bytearray, ad: bytes) -> WrappedKey:
    nonce = os.urandom(NONCE_BYTES)
    return WrappedKey(nonce, AESGCM(bytes(kek)).encrypt(nonce, bytes(data_key), ad))


def unwrap_key(kek: bytes | bytearray, wrapped: WrappedKey, ad: bytes) -> bytearray:
    """The data key, or ``WrongPassphrase`` when the key or associated data do not match."""
    try:
        return bytearray(AESGCM(bytes(kek)).decrypt(wrapped.nonce, wrapped.ciphertext, ad))
    except InvalidTag:
        raise WrongPassphrase("The passphrase or recovery key is not correct.") from None


def derive_subkey(data_key: bytes | bytearray, purpose: bytes) -> bytearray:
    """A separate key for ``purpose`` (MACs), so the data key itself is used only by SQLCipher."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"mentorjournal " + purpose)
    return bytearray(hkdf.derive(bytes(data_key)))


def _header(kf: KeyFile) -> dict[str, Any]:
    header: dict[str, Any] = {
        "format": kf.version,
        "vault_id": kf.vault_id,
        "change_counter": kf.change_counter,
        "passphrase": {**_params_dict(kf.passphrase.params), "salt": _b64(kf.passphrase.salt)},
        "recovery": {"salt": _b64(kf.recovery.salt)},
    }
    if kf.version >= 2:
        head = kf.audit_head
        header["generation"] = kf.generation
        header["audit_head"] = None if head is None else {"seq": head.seq, "mac": _b64(head.mac)}
    return header


def _body(kf: KeyFile) -> dict[str, Any]:
    return {
        "header": _header(kf),
        "wrapped": {
            "passphrase": [
                _b64(kf.passphrase.wrapped.nonce),
                _b64(kf.passphrase.wrapped.ciphertext),
            ],
            "recovery": [_b64(kf.recovery.wrapped.nonce), _b64(kf.recovery.wrapped.ciphertext)],
        },
    }


def compute_mac(kf: KeyFile, data_key: bytes | bytearray) -> bytes:
    mac_key = derive_subkey(data_key, b"keyfile mac v1")
    try:
        return hmac.new(bytes(mac_key), _canonical(_body(kf)), hashlib.sha256).digest()
    finally:
        mac_key[:] = bytes(len(mac_key))


def seal(kf: KeyFile, data_key: bytes | bytearray) -> KeyFile:
    """``kf`` in the current format with its MAC recomputed under ``data_key``."""
    current = replace(kf, version=FORMAT_VERSION)
    return replace(current, mac=compute_mac(current, data_key))


def check_mac(kf: KeyFile, data_key: bytes | bytearray) -> None:
    if not hmac.compare_digest(kf.mac, compute_mac(kf, data_key)):
        raise VaultCorrupt("The key file has been altered: its authentication code does not match.")


def serialise(kf: KeyFile) -> bytes:
    body = _body(kf)
    body["mac"] = _b64(kf.mac)
    text = f"{MAGIC} {kf.version}\n{_canonical(body).decode('ascii')}\n"
    return (text + _CHECKSUM_PREFIX + hashlib.sha256(text.encode()).hexdigest() + "\n").encode()


def _corrupt(detail: str) -> VaultCorrupt:
    return VaultCorrupt(f"The vault key file is damaged ({detail}).")


def _split(data: bytes) -> tuple[int, bytes]:
    """Check magic, version and checksum; return the version and the JSON line."""
    if len(data) > MAX_KEYFILE_BYTES:
        raise _corrupt("too large")
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        raise _corrupt("not text") from None
    lines = text.split("\n")
    if len(lines) != 4 or lines[3] != "":
        raise _corrupt("wrong layout")
    first, body, checksum = lines[0], lines[1], lines[2]
    magic, _, version_text = first.partition(" ")
    if magic != MAGIC:
        raise VaultCorrupt("This is not a Mentor Journal key file.")
    signed = f"{first}\n{body}\n".encode()
    expected = _CHECKSUM_PREFIX + hashlib.sha256(signed).hexdigest()
    if not hmac.compare_digest(checksum.encode(), expected.encode()):
        raise _corrupt("checksum mismatch")
    if not version_text.isdigit():
        raise _corrupt("bad version")
    version = int(version_text)
    if version not in READABLE_VERSIONS:
        raise VaultCorrupt(
            f"The key file has format version {version}, which this Mentor Journal does not know; "
            "it may come from a newer version of the app."
        )
    return version, body.encode()


def _unb64(value: object, length: int | None = None) -> bytes:
    if not isinstance(value, str):
        raise _corrupt("bad field")
    try:
        raw = base64.b64decode(value, validate=True)
    except ValueError:
        raise _corrupt("bad base64") from None
    if length is not None and len(raw) != length:
        raise _corrupt("bad field length")
    return raw


def _int(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _corrupt("bad number")
    return value


def _wrapped(value: object) -> WrappedKey:
    if not isinstance(value, list) or len(value) != 2:
        raise _corrupt("bad wrapped key")
    return WrappedKey(_unb64(value[0], NONCE_BYTES), _unb64(value[1], 48))


def _audit_head(value: object) -> AuditHead | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _corrupt("bad audit head")
    return AuditHead(_int(value["seq"]), _unb64(value["mac"], 32))


def parse(data: bytes) -> KeyFile:
    """Parse key file bytes; any damage or unknown version raises ``VaultCorrupt``."""
    version, body_bytes = _split(data)
    try:
        body = json.loads(body_bytes)
        header, wrapped = body["header"], body["wrapped"]
        p_head, r_head = header["passphrase"], header["recovery"]
        if header["format"] != version:
            raise _corrupt("version mismatch")
        vault_id = header["vault_id"]
        if not isinstance(vault_id, str) or len(vault_id) != 36:
            raise _corrupt("bad vault id")
        params = KdfParams(
            _int(p_head["memory_kib"]), _int(p_head["iterations"]), _int(p_head["lanes"])
        )
        if not within_unlock_limits(params):
            raise _corrupt("its key-derivation cost is beyond anything this app writes")
        return KeyFile(
            vault_id=vault_id,
            change_counter=_int(header["change_counter"]),
            passphrase=PassphraseSlot(
                params, _unb64(p_head["salt"]), _wrapped(wrapped["passphrase"])
            ),
            recovery=RecoverySlot(_unb64(r_head["salt"]), _wrapped(wrapped["recovery"])),
            mac=_unb64(body["mac"], 32),
            generation=_int(header["generation"]) if version >= 2 else 0,
            audit_head=_audit_head(header["audit_head"]) if version >= 2 else None,
            version=version,
        )
    except (KeyError, TypeError, ValueError):
        raise _corrupt("missing or invalid field") from None


def read_keyfile(path: Path) -> KeyFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise VaultMissing(f"There is no vault key file at {path}") from None
    except IsADirectoryError:
        raise VaultCorrupt(f"The vault key file {path} is a folder, not a file.") from None
    except OSError as exc:
        raise VaultCorrupt(f"The vault key file {path} cannot be read: {exc.strerror}.") from None
    return parse(data)


def write_keyfile(path: Path, kf: KeyFile) -> None:
    """Atomic (temp, fsync, rename, fsync folder): a crash leaves the old or the new file."""
    atomic_write_bytes(path, serialise(kf))
