"""Test-wide set-up: every test runs with HOME, XDG folders and TMPDIR inside one private temp root.

This is done at import time, before Qt or platformdirs read the environment, so no test can
touch the developer's real vault or settings, and canary scans know exactly where to look.
The root is removed when the run ends (it holds test vaults, exports and settings files).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import settings

_ROOT = Path(tempfile.mkdtemp(prefix="mentorjournal-tests-"))
for _name in ("HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    _path = _ROOT / _name.lower()
    _path.mkdir()
    os.environ[_name] = str(_path)
os.environ["TMPDIR"] = str(_ROOT / "tmp")
(_ROOT / "tmp").mkdir()
tempfile.tempdir = None  # re-read TMPDIR
os.environ.pop("MENTORJOURNAL_VAULT", None)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Where canary scans look: everything the program could have written during the test run.
TEST_ROOT = _ROOT

# Hypothesis explores at random on developers' machines (that is how it finds bugs, such as
# the NUL-character addendum); in CI (CI=true) it replays a fixed sequence, so a submission
# never fails on an example nobody has seen.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

pytest_plugins = ["tests.fixtures.vault_fixtures", "tests.fixtures.journal_fixtures"]


def pytest_unconfigure() -> None:
    """Remove the temp root once every test (and its subprocesses) has finished."""
    shutil.rmtree(_ROOT, ignore_errors=True)
