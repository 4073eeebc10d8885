"""The app's small icon set: bundled SVGs (CC0, ``ui/resources/icons``) in the theme's colours.

Why bundled: desktop icon themes differ (or are missing, as on Windows and in Flatpak without a
theme), and an action must look the same everywhere. Each SVG is drawn in one placeholder
colour that is replaced by the palette's text colour when the icon is made, so one file works
in light and dark. Widgets given an icon through :func:`set_icon` get it redrawn when the
theme changes (:func:`refresh_icons`, called by the theme manager).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from ui.style import PRIMARY_PROPERTY

ICON_DIR = Path(__file__).resolve().parent / "resources" / "icons"
ICON_PROPERTY = "iconName"
PLACEHOLDER = "#STROKE"
#: Colours with a meaning of their own, the same in both themes (readable on either).
ACCENTS = {"risk": "#c0392b", "saved": "#2e7d32", "signed": "#2e7d32"}
#: The colour of an icon on a primary (accent-coloured) button, as its text.
ON_ACCENT = "#ffffff"


def names() -> list[str]:
    return sorted(p.stem for p in ICON_DIR.glob("*.svg"))


@cache
def _svg(name: str) -> str:
    return (ICON_DIR / f"{name}.svg").read_text(encoding="utf-8")


def _colour(name: str) -> str:
    if name in ACCENTS:
        return ACCENTS[name]
    palette = QGuiApplication.palette()
    return str(palette.color(QPalette.ColorRole.WindowText).name())


def pixmap(name: str, size: int, colour: str | None = None) -> QPixmap:
    """The icon ``name`` drawn at ``size`` device-independent pixels."""
    svg = _svg(name).replace(PLACEHOLDER, colour or _colour(name))
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    ratio = (
        QGuiApplication.primaryScreen().devicePixelRatio()
        if QGuiApplication.primaryScreen()
        else 1.0
    )
    image = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.setDevicePixelRatio(ratio)
    return image


def icon(name: str) -> QIcon:
    """A QIcon for buttons and list items, in the current theme's colour (cached per colour:
    table cells ask for it on every paint)."""
    return _icon(name, _colour(name))


@cache
def _icon(name: str, colour: str) -> QIcon:
    result = QIcon()
    for size in (16, 24, 32, 48):
        result.addPixmap(pixmap(name, size, colour))
    return result


def set_icon(widget: QWidget, name: str) -> None:
    """Give a button (or a label) an icon that follows the theme."""
    widget.setProperty(ICON_PROPERTY, name)
    _apply(widget, name)


def _apply(widget: QWidget, name: str) -> None:
    if isinstance(widget, QAbstractButton):
        # On a primary button (white text on the accent) the icon is white too: the palette's
        # text colour or a green tick was hard to see on the blue.
        on_accent = bool(widget.property(PRIMARY_PROPERTY))
        widget.setIcon(_icon(name, ON_ACCENT) if on_accent else icon(name))
    elif isinstance(widget, QLabel):
        size = max(16, widget.fontMetrics().height())
        widget.setPixmap(pixmap(name, size))


def refresh_icons() -> None:
    """After a theme change: redraw every icon given by :func:`set_icon`."""
    for widget in QApplication.allWidgets():
        name = widget.property(ICON_PROPERTY)
        if isinstance(name, str) and name:
            _apply(widget, name)
