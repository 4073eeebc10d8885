"""``device.info``: each device's name, readable only by the journal's devices.

So ``sync status`` and Settings can say "the office desktop" rather than an id. The name is the
computer's host name; it is sealed (AES-256-GCM under the segment key, the journal and device
ids as associated data), because a host name often carries a person's name. A file that does
not open is ignored: the device is then shown by its id.
"""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from mentorjournal.sync import folder as layout

INFO_FILE = "device.info"
MAX_NAME = 64


def this_computer() -> str:
    return (platform.node() or "a computer")[:MAX_NAME]


def _ad(journal_id: str, device_id: str) -> bytes:
    return json.dumps(["mentorjournal-device-info", journal_id, device_id]).encode()


def seal(key: bytes, journal_id: str, device_id: str, name: str) -> bytes:
    nonce = os.urandom(12)
    body = json.dumps({"name": name[:MAX_NAME]}).encode()
    return nonce + AESGCM(key).encrypt(nonce, body, _ad(journal_id, device_id))


def read(key: bytes, folder: Path, journal_id: str, device_id: str) -> str | None:
    """The device's name, or None when it has none (yet) or it does not authenticate."""
    path = layout.device_dir(folder, journal_id, device_id) / INFO_FILE
    try:
        data = path.read_bytes()
        plain = AESGCM(key).decrypt(data[:12], data[12:], _ad(journal_id, device_id))
        name = json.loads(plain)["name"]
    except (OSError, ValueError, KeyError, TypeError, InvalidTag):
        return None
    return str(name)[:MAX_NAME] if isinstance(name, str) else None


def publish(key: bytes, folder: Path, journal_id: str, device_id: str, staging: Path) -> None:
    """Write this device's name when it is missing or changed."""
    name = this_computer()
    if read(key, folder, journal_id, device_id) == name:
        return
    target = layout.device_dir(folder, journal_id, device_id) / INFO_FILE
    layout.publish(target, seal(key, journal_id, device_id, name), staging)
