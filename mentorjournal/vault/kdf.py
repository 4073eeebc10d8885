"""Passphrase stretching with Argon2id, and calibration so unlocking costs about a second.

The key-encryption key is derived here and nowhere else. The floor exists so no code path can
quietly weaken a vault: product code refuses parameters below it when creating a vault or
changing its passphrase. Tests lower the cost only by patching the module constants through
the ``fast_kdf`` fixture; they are read at call time for exactly that reason.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from mentorjournal.clock import Clock

KEY_BYTES = 32
SALT_BYTES = 16
MAX_ITERATIONS = 12
MAX_MEMORY_KIB = 4 * 1024 * 1024
#: The most any key file made by this app can ask for: calibration starts at the default
#: (m=256 MiB, t=3, p=4) and only ever lowers the memory or raises the passes up to
#: ``MAX_ITERATIONS``. The cost is read from the key file *before* anything authenticates it,
#: so a larger one is refused as damage at once instead of hanging the unlock or exhausting
#: memory. Fixed numbers, not ``DEFAULT_PARAMS``, which tests lower.
UNLOCK_MAX_MEMORY_KIB = 256 * 1024
UNLOCK_MAX_ITERATIONS = MAX_ITERATIONS
UNLOCK_MAX_LANES = 4


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: memory in KiB, passes over memory, parallel lanes."""

    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        if not 1 <= self.lanes <= 255:
            raise ValueError("Argon2id lanes must be between 1 and 255")
        if not 1 <= self.iterations <= 1000:
            raise ValueError("Argon2id iterations must be between 1 and 1000")
        if not 8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB:
            raise ValueError("Argon2id memory must be at least 8 KiB per lane and at most 4 GiB")

    def meets(self, floor: KdfParams) -> bool:
        """True when this cost is at least ``floor`` in memory and passes."""
        return self.memory_kib >= floor.memory_kib and self.iterations >= floor.iterations


#: What a new vault starts from: m=256 MiB, t=3, p=4 (about 0.8 s on a 2-core laptop).
DEFAULT_PARAMS = KdfParams(memory_kib=262144, iterations=3, lanes=4)
#: Never below this on create or change: m=64 MiB, t=3.
FLOOR = KdfParams(memory_kib=65536, iterations=3, lanes=1)
#: Calibration aims for an unlock between these many seconds.
CALIBRATION_TARGET: tuple[float, float] = (0.5, 1.0)


def normalise_passphrase(passphrase: str) -> str:
    """NFKC, so the same passphrase typed on another keyboard or OS gives the same key."""
    return unicodedata.normalize("NFKC", passphrase)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytearray:
    """The 32-byte key-encryption key for ``passphrase`` (NFKC-normalised) and ``salt``."""
    if len(salt) < SALT_BYTES:
        raise ValueError("the salt must be at least 16 bytes")
    secret = bytearray(normalise_passphrase(passphrase).encode("utf-8"))
    try:
        kdf = Argon2id(
            salt=salt,
            length=KEY_BYTES,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        )
        return bytearray(kdf.derive(bytes(secret)))
    finally:
        secret[:] = bytes(len(secret))


def within_unlock_limits(params: KdfParams) -> bool:
    """True when ``params`` is a cost this app could have written (see ``UNLOCK_MAX_*``)."""
    return (
        params.memory_kib <= UNLOCK_MAX_MEMORY_KIB
        and params.iterations <= UNLOCK_MAX_ITERATIONS
        and params.lanes <= UNLOCK_MAX_LANES
    )


def require_floor(params: KdfParams) -> None:
    """Refuse parameters weaker than the floor (product code calls this on create/change)."""
    if not params.meets(FLOOR):
        raise ValueError(
            f"KDF parameters below the floor (m={FLOOR.memory_kib} KiB, t={FLOOR.iterations})"
        )
    if not within_unlock_limits(params):
        raise ValueError("KDF parameters above what an unlock accepts")


def _probe(params: KdfParams) -> None:
    derive_key("calibration probe", bytes(SALT_BYTES), params).clear()


def calibrate(
    clock: Clock,
    target: tuple[float, float] | None = None,
    *,
    probe: Callable[[KdfParams], None] = _probe,
) -> KdfParams:
    """Parameters whose derivation takes ``target`` seconds on this machine, never below the floor.

    Starts from the default; a slow machine gets proportionally less memory (never below the
    floor), a fast one more passes. Usually two or three probes. ``probe`` runs one derivation and exists so tests can time a scripted machine.
    """
    low, high = target if target is not None else CALIBRATION_TARGET
    floor = FLOOR
    params = DEFAULT_PARAMS
    for _ in range(10):
        started = clock.monotonic()
        probe(params)
        took = max(clock.monotonic() - started, 1e-6)
        if took > high and params.memory_kib > floor.memory_kib:
            # Argon2 time is close to linear in memory: aim for the middle of the target.
            wanted = int(params.memory_kib * (low + high) / 2 / took) // 1024 * 1024
            memory = max(min(wanted, params.memory_kib // 2), floor.memory_kib, 8 * params.lanes)
            params = KdfParams(memory, params.iterations, params.lanes)
        elif took < low and params.iterations < MAX_ITERATIONS:
            wanted = math.ceil(params.iterations * low / took)
            iterations = min(max(wanted, params.iterations + 1), MAX_ITERATIONS)
            params = KdfParams(params.memory_kib, iterations, params.lanes)
        else:
            break
    if not params.meets(floor):
        params = KdfParams(
            max(params.memory_kib, floor.memory_kib),
            max(params.iterations, floor.iterations),
            params.lanes,
        )
    return params
