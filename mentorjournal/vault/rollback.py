"""Rollback memory: the highest change counter seen per vault, kept outside the vault.

If someone (or a sync client) puts an older copy of the vault back, its counter is lower than
the one remembered here, and the mentor is told. The record is authenticated with a key derived
from the data key, so it cannot be forged without the vault, and a damaged record is ignored
rather than trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
from pathlib import Path

from mentorjournal.fsutil import atomic_write_bytes, ensure_private_dir
from mentorjournal.vault.keyfile import derive_subkey


def _record_path(state_dir: Path, vault_id: str) -> Path:
    return state_dir / "rollback" / f"{vault_id}.json"


def _mac(data_key: bytes | bytearray, vault_id: str, counter: int) -> str:
    key = derive_subkey(data_key, b"rollback memory v1")
    try:
        message = f"{vault_id}:{counter}".encode()
        return hmac.new(bytes(key), message, hashlib.sha256).hexdigest()
    finally:
        key[:] = bytes(len(key))


def remembered_counter(state_dir: Path, vault_id: str, data_key: bytes | bytearray) -> int | None:
    """The last counter seen for this vault, or None if unknown, unreadable or not authentic."""
    try:
        record = json.loads(_record_path(state_dir, vault_id).read_bytes())
        counter = record["counter"]
        mac = record["mac"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(counter, int) or not isinstance(mac, str):
        return None
    if not hmac.compare_digest(mac, _mac(data_key, vault_id, counter)):
        return None
    return counter


def remember_counter(
    state_dir: Path, vault_id: str, counter: int, data_key: bytes | bytearray
) -> None:
    """Store ``counter`` for this vault. Losing the record only loses a warning, never data."""
    path = _record_path(state_dir, vault_id)
    record = {"counter": counter, "mac": _mac(data_key, vault_id, counter)}
    with contextlib.suppress(OSError):
        ensure_private_dir(state_dir)
        ensure_private_dir(path.parent)
        atomic_write_bytes(path, json.dumps(record).encode())


def rollback_message(opened: int, remembered: int) -> str:
    return (
        "This vault is an older copy than the one last opened on this computer "
        f"(change {opened}, but change {remembered} was seen before). Notes written since may be "
        "missing: if you did not restore a backup on purpose, look for the newer copy "
        "(another synced folder or a backup) before you write anything new."
    )
