"""A centred, width-limited column for the start-up screens.

Why: the welcome, create and unlock screens are short forms; stretched across a maximised
1280-pixel window they become hard to read, and at 200% text they must still fit. The card
sits in a row between two stretches (not merely aligned to the centre): an aligned widget is
given its size hint, so word-wrapped text inside it was squeezed into too few lines and the
rows below were drawn over it. In the row the card takes the width it is allowed, and its
height follows the text at that width.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.style import SPACE


def centred_card(window: QWidget, max_width: int = 580) -> tuple[QWidget, QVBoxLayout]:
    """Give ``window`` a layout with one centred card; returns the card and its layout."""
    card = QWidget(window)
    card.setObjectName("card")
    card.setMaximumWidth(max_width)
    policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    card.setSizePolicy(policy)
    inner = QVBoxLayout(card)
    inner.setSpacing(SPACE.m)
    inner.setContentsMargins(0, 0, 0, 0)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card, 100)
    row.addStretch(1)
    outer = QVBoxLayout(window)
    outer.setContentsMargins(SPACE.xl, SPACE.l, SPACE.xl, SPACE.l)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    return card, inner
