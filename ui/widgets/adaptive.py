"""Layouts that fit a small laptop and 200% text: side by side when there is room, else stacked.

Why: a list beside its editor needs the sum of both widths. On a 1024-pixel screen at large
text that sum is wider than the window, and the editor ran off the right edge behind a
horizontal scroll bar. An :class:`AdaptiveSplitter` puts the two one above the other when the
width runs out (the page then scrolls vertically, which is natural), and side by side again
when the window grows.

A tab widget or stack is, by Qt's rule, as large as its largest page, even a hidden one:
:func:`size_to_current` makes only the page on show count.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)


class AdaptiveSplitter(QSplitter):
    """A horizontal splitter that stacks its parts vertically when they do not fit."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)

    def _parts(self) -> list[QWidget]:
        parts = (self.widget(i) for i in range(self.count()))
        return [w for w in parts if w is not None and not w.isHidden()]

    def side_by_side_width(self) -> int:
        """The width the parts need next to each other (with the handles between them)."""
        parts = self._parts()
        handles = self.handleWidth() * max(0, len(parts) - 1)
        return sum(p.minimumSizeHint().width() for p in parts) + handles

    def minimumSizeHint(self) -> QSize:
        parts = self._parts()
        if not parts:
            return super().minimumSizeHint()
        hints = [p.minimumSizeHint() for p in parts]
        width = max(h.width() for h in hints)
        if self.orientation() is Qt.Orientation.Vertical:
            height = sum(h.height() for h in hints) + self.handleWidth() * (len(hints) - 1)
        else:
            height = max(h.height() for h in hints)
        return QSize(width, height)

    def _fit(self, width: int) -> None:
        wanted = (
            Qt.Orientation.Horizontal
            if width >= self.side_by_side_width()
            else Qt.Orientation.Vertical
        )
        if wanted is not self.orientation():
            self.setOrientation(wanted)
            self.updateGeometry()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        """Decide again when the parts ask for other sizes at the same width (the text size
        changed while this page was hidden, then it was shown): only a resize did before, and
        parts that no longer fit side by side were squeezed."""
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self._fit(self.width())
        return super().event(event)


def size_to_current(container: QTabWidget | QStackedWidget) -> None:
    """Let only the current page of ``container`` ask for room, now and on every switch."""

    def update(_index: int = 0) -> None:
        current = container.currentWidget()
        for index in range(container.count()):
            page = container.widget(index)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        container.updateGeometry()

    container.currentChanged.connect(update)
    update()


class VerticalScrollArea(QScrollArea):
    """A scroll area for an editor form: it scrolls up and down, never sideways.

    Its minimum width is the form's, so the splitter around it makes room (or stacks) instead
    of squeezing the form behind a horizontal scroll bar.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The form asked for a new layout (bigger text, another template): so does this area,
        or the page around it keeps the old minimum and the form runs off the side."""
        if watched is self.widget() and event.type() is QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        inner = self.widget()
        if inner is None:
            return hint
        frame = 2 * self.frameWidth()
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(
            max(hint.width(), inner.minimumSizeHint().width() + frame + bar), hint.height()
        )
