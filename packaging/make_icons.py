"""Render the app icon SVG to every PNG size, and the Windows .ico and macOS .icns, with Qt.

Run ``python packaging/make_icons.py`` after editing ``resources/icons/mentorjournal.svg`` and
commit the results: builds and the Flatpak then need no SVG tooling, and tests check that the
committed PNGs still match the SVG. Rendering uses Qt's own QSvgRenderer (the renderer the app
uses for the window icon), offscreen, so it runs on a headless build machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "mentorjournal.svg"
APP_ID = "io.github.mentorjournal.MentorJournal"
#: The freedesktop hicolor sizes (AppStream wants at least 64 and 128) plus 512 for stores.
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from icon_formats import build_icns, build_ico  # noqa: E402


def png_path(size: int, icons_dir: Path = ICONS) -> Path:
    """Where the hicolor-layout PNG of ``size`` lives (named after the app id, as desktops expect)."""
    return icons_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn antialiased onto a transparent ``size``x``size`` image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def render_all(svg: Path = SVG, icons_dir: Path = ICONS) -> list[Path]:
    """Write every PNG size, the .ico and the .icns; return the files written."""
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([])
    pngs = {size: render_png(svg, size) for size in PNG_SIZES}
    written = []
    for size, png in pngs.items():
        path = png_path(size, icons_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
        written.append(path)
    (icons_dir / "mentorjournal.ico").write_bytes(build_ico(pngs))
    (icons_dir / "mentorjournal.icns").write_bytes(build_icns(pngs))
    written += [icons_dir / "mentorjournal.ico", icons_dir / "mentorjournal.icns"]
    return written


if __name__ == "__main__":
    for written_path in render_all():
        print(written_path.relative_to(ROOT))
