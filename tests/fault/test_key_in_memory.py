"""After lock, no hex copy of the data key (the text of ``PRAGMA key``) is left in memory."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.fixtures.vault_fixtures import REPO_ROOT


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mem")
def test_no_hex_copy_of_the_data_key_survives_lock() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.fault.key_memory_probe"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "0"
