"""The app's visual language: one spacing scale, one type scale, primary actions.

Why a module: spacing and text sizes chosen screen by screen drift apart, and sizes written
in points do not follow the text-size setting. Here a size is a *role* (title, caption ...)
relative to the application font, so 200% text makes every heading 200% too; the theme
manager re-applies the roles whenever the font or theme changes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

ROLE_PROPERTY = "textRole"
PRIMARY_PROPERTY = "primary"


@dataclass(frozen=True)
class Spacing:
    """Pixel steps for margins and gaps; every layout uses one of these."""

    xs: int = 4
    s: int = 8
    m: int = 12
    l: int = 16  # noqa: E741 (reads as "large" beside s, m, xl)
    xl: int = 24


SPACE = Spacing()


class TextRole(enum.StrEnum):
    """A size and weight relative to the body text."""

    CAPTION = "caption"
    BODY = "body"
    SUBTITLE = "subtitle"
    TITLE = "title"
    DISPLAY = "display"


_SCALE = {
    TextRole.CAPTION: 0.9,
    TextRole.BODY: 1.0,
    TextRole.SUBTITLE: 1.1,
    TextRole.TITLE: 1.35,
    TextRole.DISPLAY: 1.7,
}
_BOLD = {TextRole.SUBTITLE, TextRole.TITLE, TextRole.DISPLAY}


def role_font(base: QFont, role: TextRole) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * _SCALE[role])
    font.setBold(role in _BOLD)
    return font


def set_text_role(widget: QWidget, role: TextRole) -> None:
    """Give ``widget`` a text role; its font follows the app font from now on."""
    widget.setProperty(ROLE_PROPERTY, role.value)
    widget.setFont(role_font(QApplication.font(), role))


def refresh_text_roles(base: QFont) -> None:
    """After the app font changed: re-size every widget that has a text role."""
    for widget in QApplication.allWidgets():
        role = widget.property(ROLE_PROPERTY)
        if isinstance(role, str) and role in TextRole.__members__.values():
            widget.setFont(role_font(base, TextRole(role)))


def mark_primary(button: QPushButton) -> None:
    """The one action the eye should find first on a screen (accent colour, default button)."""
    button.setProperty(PRIMARY_PROPERTY, True)
    button.setAutoDefault(True)


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose "&" shortcut moves to ``buddy``.

    A form row given a layout (a field with a "?" beside it) makes a label with no buddy,
    and a label without a buddy shows its "&" as a character ("Tem&plate")."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label
