"""`make screenshots` writes the README set at 1280x800 and every view at 1024x700."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.screenshots import NAMES, SMALL_DIR


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
    small = sorted((tmp_path / SMALL_DIR).glob("*.png"))
    assert len(small) > len(NAMES)
    for path in small:
        image = QImage(str(path))
        assert (image.width(), image.height()) <= (1024, 700) and image.width() > 300, path.name
