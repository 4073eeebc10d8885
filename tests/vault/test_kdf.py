"""Argon2id derivation, the product floor and calibration."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorjournal.clock import ManualClock
from mentorjournal.paths import VaultPaths
from mentorjournal.vault import kdf
from mentorjournal.vault.unlocked import create_vault
from tests.fixtures.vault_fixtures import TEST_KDF, TEST_PASSPHRASE

SALT = bytes(range(16))


def test_same_passphrase_and_salt_give_same_32_byte_key() -> None:
    one = kdf.derive_key("a passphrase", SALT, TEST_KDF)
    two = kdf.derive_key("a passphrase", SALT, TEST_KDF)
    assert isinstance(one, bytearray)
    assert one == two
    assert len(one) == 32


def test_salt_params_and_passphrase_each_change_the_key() -> None:
    base = kdf.derive_key("a passphrase", SALT, TEST_KDF)
    assert kdf.derive_key("a passphrase!", SALT, TEST_KDF) != base
    assert kdf.derive_key("a passphrase", bytes(16), TEST_KDF) != base
    assert kdf.derive_key("a passphrase", SALT, kdf.KdfParams(1024, 2, 1)) != base


def test_passphrase_is_nfkc_normalised_so_composed_and_decomposed_forms_unlock_alike() -> None:
    composed = "caf\u00e9 \ufb01nal"  # é as one code point, the "fi" ligature
    decomposed = "cafe\u0301 final"
    assert kdf.derive_key(composed, SALT, TEST_KDF) == kdf.derive_key(decomposed, SALT, TEST_KDF)


def test_short_salt_is_refused() -> None:
    with pytest.raises(ValueError):
        kdf.derive_key("x", b"short", TEST_KDF)


@pytest.mark.parametrize(
    ("memory", "iterations", "lanes"), [(4, 1, 1), (1024, 0, 1), (1024, 1, 0), (64, 1, 16)]
)
def test_invalid_params_are_rejected(memory: int, iterations: int, lanes: int) -> None:
    with pytest.raises(ValueError):
        kdf.KdfParams(memory, iterations, lanes)


def test_product_defaults_and_floor_are_the_documented_values() -> None:
    assert kdf.KdfParams(262144, 3, 4) == kdf.DEFAULT_PARAMS
    assert (kdf.FLOOR.memory_kib, kdf.FLOOR.iterations) == (65536, 3)


def test_creating_a_vault_below_the_floor_is_refused_without_the_test_fixture(
    tmp_path: Path,
) -> None:
    paths = VaultPaths(tmp_path / "v")
    with pytest.raises(ValueError, match="floor"):
        create_vault(
            paths, TEST_PASSPHRASE, clock=ManualClock(), state_dir=tmp_path / "s", kdf=TEST_KDF
        )
    assert not paths.exists()


class _ScriptedMachine:
    """A clock plus probe that pretend a derivation costs ``seconds_for(params)``."""

    def __init__(self, seconds_per_mib_pass: float) -> None:
        self.clock = ManualClock()
        self.rate = seconds_per_mib_pass
        self.probed: list[kdf.KdfParams] = []

    def probe(self, params: kdf.KdfParams) -> None:
        self.probed.append(params)
        self.clock.advance(self.rate * params.memory_kib / 1024 * params.iterations)


def test_calibration_on_a_slow_machine_lowers_memory_but_never_below_the_floor() -> None:
    machine = _ScriptedMachine(seconds_per_mib_pass=0.05)  # default would take 38 s
    params = kdf.calibrate(machine.clock, probe=machine.probe)
    assert params.memory_kib == kdf.FLOOR.memory_kib
    assert params.iterations >= kdf.FLOOR.iterations
    assert params.meets(kdf.FLOOR)
    assert len(machine.probed) <= 3


def test_calibration_on_a_somewhat_slow_machine_picks_memory_inside_the_target() -> None:
    machine = _ScriptedMachine(seconds_per_mib_pass=0.004)  # default would take 3 s
    params = kdf.calibrate(machine.clock, probe=machine.probe)
    seconds = 0.004 * params.memory_kib / 1024 * params.iterations
    assert 0.5 <= seconds <= 1.0
    assert kdf.FLOOR.memory_kib <= params.memory_kib < kdf.DEFAULT_PARAMS.memory_kib
    assert len(machine.probed) <= 3


def test_calibration_on_a_fast_machine_adds_passes_to_reach_the_target() -> None:
    machine = _ScriptedMachine(seconds_per_mib_pass=0.0002)  # default takes 0.15 s
    params = kdf.calibrate(machine.clock, probe=machine.probe)
    seconds = 0.0002 * params.memory_kib / 1024 * params.iterations
    assert 0.5 <= seconds <= 1.0
    assert params.memory_kib == kdf.DEFAULT_PARAMS.memory_kib
    assert params.iterations > kdf.DEFAULT_PARAMS.iterations


def test_calibration_keeps_the_default_when_it_is_already_on_target() -> None:
    machine = _ScriptedMachine(seconds_per_mib_pass=0.001)  # 0.77 s
    assert kdf.calibrate(machine.clock, probe=machine.probe) == kdf.DEFAULT_PARAMS
    assert len(machine.probed) == 1
