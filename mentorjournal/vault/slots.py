"""Unlock methods ("slots"): sealing the data key under a passphrase or a recovery key, and
opening it again. Each key-encryption key lives in a bytearray wiped as soon as it is used.
"""

from __future__ import annotations

import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mentorjournal.vault import kdf as _kdf
from mentorjournal.vault.keyfile import (
    KeyFile,
    PassphraseSlot,
    RecoverySlot,
    passphrase_slot_ad,
    recovery_slot_ad,
    unwrap_key,
    wrap_key,
)
from mentorjournal.vault.recovery import (
    format_recovery_key,
    new_recovery_secret,
    parse_recovery_key,
)


def wipe(buffer: bytearray) -> None:
    """Overwrite key material in place (the only copy we control)."""
    buffer[:] = bytes(len(buffer))


def recovery_kek(secret: bytes | bytearray, salt: bytes) -> bytearray:
    """The recovery key has 160 random bits: HKDF suffices, no stretching needed."""
    hkdf = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"mentorjournal recovery kek v1"
    )
    return bytearray(hkdf.derive(bytes(secret)))


def new_passphrase_slot(
    vault_id: str, passphrase: str, params: _kdf.KdfParams, data_key: bytearray
) -> PassphraseSlot:
    """A fresh salt, the Argon2id KEK, and the data key wrapped under it."""
    salt = os.urandom(_kdf.SALT_BYTES)
    kek = _kdf.derive_key(passphrase, salt, params)
    try:
        wrapped = wrap_key(kek, data_key, passphrase_slot_ad(vault_id, params, salt))
    finally:
        wipe(kek)
    return PassphraseSlot(params, salt, wrapped)


def new_recovery_slot(vault_id: str, data_key: bytearray) -> tuple[RecoverySlot, str]:
    """A new random recovery key: its slot and the text to show the mentor once."""
    secret = new_recovery_secret()
    salt = os.urandom(_kdf.SALT_BYTES)
    kek = recovery_kek(secret, salt)
    try:
        wrapped = wrap_key(kek, data_key, recovery_slot_ad(vault_id, salt))
        text = format_recovery_key(secret)
    finally:
        wipe(kek)
        wipe(secret)
    return RecoverySlot(salt, wrapped), text


def recovery_slot_for_key(vault_id: str, data_key: bytearray, recovery_key: str) -> RecoverySlot:
    """This vault's data key sealed under an existing recovery key (a new salt).

    A computer that joins a synced journal adopts the mentor's one recovery key, so the one
    printed sheet opens every computer's vault.
    """
    secret = parse_recovery_key(recovery_key)
    salt = os.urandom(_kdf.SALT_BYTES)
    kek = recovery_kek(secret, salt)
    wipe(secret)
    try:
        return RecoverySlot(salt, wrap_key(kek, data_key, recovery_slot_ad(vault_id, salt)))
    finally:
        wipe(kek)


def unwrap_with_passphrase(kf: KeyFile, passphrase: str) -> bytearray:
    """The data key from ``kf``'s passphrase slot, or ``WrongPassphrase``."""
    slot = kf.passphrase
    kek = _kdf.derive_key(passphrase, slot.salt, slot.params)
    try:
        return unwrap_key(
            kek, slot.wrapped, passphrase_slot_ad(kf.vault_id, slot.params, slot.salt)
        )
    finally:
        wipe(kek)


def unwrap_with_recovery_key(kf: KeyFile, recovery_key: str) -> bytearray:
    """The data key from the recovery slot; ``RecoveryKeyTypo`` or ``WrongPassphrase``."""
    secret = parse_recovery_key(recovery_key)
    kek = recovery_kek(secret, kf.recovery.salt)
    wipe(secret)
    try:
        return unwrap_key(kek, kf.recovery.wrapped, recovery_slot_ad(kf.vault_id, kf.recovery.salt))
    finally:
        wipe(kek)
