"""Baseline process for unlock: Argon2id alone, once, in a fresh process, as an unlock runs it.

The app unlocks in a fresh process, where the KDF's first run also maps and faults in its
256 MiB of working memory (20-40 ms more than a repeat run in a warm process). Measuring the
baseline the same way compares like with like. Prints ``kdf <seconds>``.
"""

from __future__ import annotations

import sys
import time

from mentorjournal.vault import kdf

SALT = b"0" * kdf.SALT_BYTES


def main(argv: list[str]) -> int:
    passphrase, memory_kib, iterations, lanes = argv
    params = kdf.KdfParams(memory_kib=int(memory_kib), iterations=int(iterations), lanes=int(lanes))
    start = time.perf_counter()
    kdf.derive_key(passphrase, SALT, params)
    print("kdf", time.perf_counter() - start, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
