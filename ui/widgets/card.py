"""A centred, width-limited column for the start-up screens.

Why: the welcome, create and unlock screens are short forms; stretched across a maximised
1280-pixel window they become hard to read, and at 200% text they must still fit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget


def centred_card(window: QWidget, max_width: int = 580) -> tuple[QWidget, QVBoxLayout]:
    """Give ``window`` a layout with one centred card; returns the card and its layout."""
    card = QWidget(window)
    card.setObjectName("card")
    card.setMaximumWidth(max_width)
    inner = QVBoxLayout(card)
    outer = QVBoxLayout(window)
    outer.setContentsMargins(32, 24, 32, 24)
    outer.addStretch(1)
    outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
    outer.addStretch(2)
    return card, inner
