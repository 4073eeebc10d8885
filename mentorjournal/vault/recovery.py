"""The printable recovery key: 160 random bits as grouped base32 with a check group.

The check group makes a mistyped key fail as a typo (its own message) rather than as a wrong
key, so the mentor knows to re-read the paper instead of giving up. Parsing forgives case,
spaces, dashes and the look-alikes 0/O, 1/I, 8/B that base32 never uses.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from mentorjournal.errors import WrongPassphrase

RECOVERY_BYTES = 20  # 160 bits
GROUP = 4
_BODY_CHARS = RECOVERY_BYTES * 8 // 5  # 32 base32 characters
_CHECK_CHARS = GROUP
_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


class RecoveryKeyTypo(WrongPassphrase):
    """The recovery key text is not a well-formed key: a typo, not a wrong key."""

    advice = "Compare each group with your printed recovery key; letters and digits 2-7 only."


def new_recovery_secret() -> bytearray:
    return bytearray(secrets.token_bytes(RECOVERY_BYTES))


def _check_group(secret: bytes) -> str:
    digest = hashlib.sha256(b"mentorjournal recovery check\x00" + secret).digest()
    return base64.b32encode(digest)[:_CHECK_CHARS].decode("ascii")


def format_recovery_key(secret: bytes | bytearray) -> str:
    """``XXXX-XXXX-...-CCCC``: eight groups of the key, then the check group."""
    if len(secret) != RECOVERY_BYTES:
        raise ValueError("a recovery secret is 20 bytes")
    body = base64.b32encode(bytes(secret)).decode("ascii")
    text = body + _check_group(bytes(secret))
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_recovery_key(text: str) -> bytearray:
    """The secret in ``text``; ``RecoveryKeyTypo`` when it is malformed or its check fails."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n_").translate(_LOOKALIKES)
    bad = sorted({ch for ch in cleaned if ch not in _ALPHABET})
    if bad:
        raise RecoveryKeyTypo(
            "The recovery key contains characters a recovery key never has: " + " ".join(bad)
        )
    if len(cleaned) != _BODY_CHARS + _CHECK_CHARS:
        raise RecoveryKeyTypo(
            f"The recovery key has {len(cleaned)} letters and digits; it should have "
            f"{_BODY_CHARS + _CHECK_CHARS} (nine groups of four)."
        )
    secret = bytearray(base64.b32decode(cleaned[:_BODY_CHARS]))
    if _check_group(bytes(secret)) != cleaned[_BODY_CHARS:]:
        secret[:] = bytes(len(secret))
        raise RecoveryKeyTypo("The recovery key has a typo: its last group does not match.")
    return secret
