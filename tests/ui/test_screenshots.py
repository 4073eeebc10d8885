"""`make screenshots` writes all ten pictures at 1280x800 from the real app on a demo vault."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.screenshots import NAMES


@pytest.mark.slow
def test_screenshots_are_written_at_full_size(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(
        [sys.executable, "-m", "ui.screenshots", str(tmp_path)],
        check=True, timeout=300, env=env, capture_output=True,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    for name in NAMES:
        image = QImage(str(tmp_path / f"{name}.png"))
        assert image.width() >= 1280 and image.height() >= 800, name
