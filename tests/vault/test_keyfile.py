"""Key file: AES-GCM wrap with the header as associated data; damage versus wrong passphrase."""

from __future__ import annotations

import hashlib
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorjournal.errors import VaultCorrupt, WrongPassphrase
from mentorjournal.vault import keyfile
from mentorjournal.vault.kdf import KdfParams
from tests.fixtures.vault_fixtures import CreatedVault

VAULT_ID = "12345678-1234-4234-8234-123456789abc"
PARAMS = KdfParams(1024, 1, 1)


def test_wrap_round_trip_returns_the_data_key() -> None:
    kek, data_key = os.urandom(32), bytearray(os.urandom(32))
    ad = keyfile.passphrase_slot_ad(VAULT_ID, PARAMS, bytes(16))
    wrapped = keyfile.wrap_key(kek, data_key, ad)
    assert bytes(data_key) not in wrapped.ciphertext
    assert keyfile.unwrap_key(kek, wrapped, ad) == data_key


def test_flipping_any_header_byte_fails_the_unwrap() -> None:
    kek, data_key = os.urandom(32), os.urandom(32)
    ad = keyfile.passphrase_slot_ad(VAULT_ID, PARAMS, os.urandom(16))
    wrapped = keyfile.wrap_key(kek, data_key, ad)
    for i in range(len(ad)):
        for bit in (0x01, 0x80):
            tampered = ad[:i] + bytes([ad[i] ^ bit]) + ad[i + 1 :]
            with pytest.raises(WrongPassphrase):
                keyfile.unwrap_key(kek, wrapped, tampered)


def test_header_ad_covers_version_vault_id_kdf_params_and_salt() -> None:
    salt = os.urandom(16)
    base = keyfile.passphrase_slot_ad(VAULT_ID, PARAMS, salt)
    assert keyfile.passphrase_slot_ad(VAULT_ID.replace("1", "2"), PARAMS, salt) != base
    assert keyfile.passphrase_slot_ad(VAULT_ID, KdfParams(2048, 1, 1), salt) != base
    assert keyfile.passphrase_slot_ad(VAULT_ID, PARAMS, os.urandom(16)) != base
    assert json.loads(base)["format"] == keyfile.SLOT_FORMAT


def test_wrong_kek_is_a_wrong_passphrase() -> None:
    ad = b"header"
    wrapped = keyfile.wrap_key(os.urandom(32), os.urandom(32), ad)
    with pytest.raises(WrongPassphrase):
        keyfile.unwrap_key(os.urandom(32), wrapped, ad)


def test_serialise_and_parse_round_trip(new_vault: CreatedVault) -> None:
    raw = new_vault.paths.keyfile.read_bytes()
    parsed = keyfile.parse(raw)
    assert parsed.vault_id == new_vault.vault.vault_id
    assert keyfile.serialise(parsed) == raw


def test_bit_flip_at_every_offset_is_reported_as_damage(new_vault: CreatedVault) -> None:
    raw = new_vault.paths.keyfile.read_bytes()
    for offset in range(len(raw)):
        damaged = bytearray(raw)
        damaged[offset] ^= 1 << (offset % 8)
        with pytest.raises(VaultCorrupt):
            keyfile.parse(bytes(damaged))


def test_every_truncation_is_reported_as_damage(new_vault: CreatedVault) -> None:
    raw = new_vault.paths.keyfile.read_bytes()
    for length in range(len(raw)):
        with pytest.raises(VaultCorrupt):
            keyfile.parse(raw[:length])


def _resigned(
    raw: bytes, edit: dict[str, object] | None = None, version: int = keyfile.FORMAT_VERSION
) -> bytes:
    """The key file with a header edit and a recomputed checksum (a deliberate tamper)."""
    _first, body, _check, _ = raw.decode().split("\n")
    document = json.loads(body)
    if edit:
        document["header"].update(edit)
    first = f"{keyfile.MAGIC} {version}"
    text = f"{first}\n{json.dumps(document, sort_keys=True, separators=(',', ':'))}\n"
    return (text + "sha256:" + hashlib.sha256(text.encode()).hexdigest() + "\n").encode()


def test_unknown_version_is_damage_not_a_wrong_passphrase(new_vault: CreatedVault) -> None:
    raw = new_vault.paths.keyfile.read_bytes()
    with pytest.raises(VaultCorrupt, match="version 3"):
        keyfile.parse(_resigned(raw, version=3))


def test_tampered_counter_with_recomputed_checksum_fails_the_mac(new_vault: CreatedVault) -> None:
    data_key = bytearray(new_vault.vault.data_key_view())
    raw = new_vault.paths.keyfile.read_bytes()
    tampered = keyfile.parse(_resigned(raw, {"change_counter": 999}))
    with pytest.raises(VaultCorrupt, match="altered"):
        keyfile.check_mac(tampered, data_key)
    keyfile.check_mac(keyfile.parse(raw), data_key)


def test_not_a_key_file_at_all(new_vault: CreatedVault) -> None:
    for junk in (b"", b"\x00" * 600, b"SQLite format 3\x00" + os.urandom(500), "é".encode() * 9):
        with pytest.raises(VaultCorrupt):
            keyfile.parse(junk)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_are_only_ever_reported_as_damage(data: bytes) -> None:
    with pytest.raises(VaultCorrupt):
        keyfile.parse(data)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), min_size=1, max_size=8)
)
def test_random_edits_of_a_valid_key_file_are_damage_or_identical(
    new_vault: CreatedVault, edits: list[tuple[int, int]]
) -> None:
    raw = bytearray(new_vault.paths.keyfile.read_bytes())
    for position, value in edits:
        raw[position % len(raw)] = value
    if bytes(raw) == new_vault.paths.keyfile.read_bytes():
        return
    with pytest.raises(VaultCorrupt):
        keyfile.parse(bytes(raw))
