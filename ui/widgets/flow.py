"""A row of controls that wraps onto the next line when it runs out of width.

Why: a row of buttons (or a small filter bar) laid out with a box layout is as wide as all its
parts together; on a small laptop at 200% text that pushed the rest of the page off the right
edge. A flow row is only as wide as its widest part and grows downwards instead.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from ui.style import SPACE


class FlowLayout(QLayout):
    """Items left to right, wrapping; an item added with ``stretch=True`` takes spare width."""

    def __init__(self, parent: QWidget | None = None, spacing: int = SPACE.s) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretchy: set[int] = set()
        self._spacing = spacing
        self._height_at_width = 0
        self._relayout_timer = QTimer(self)  # dies with the layout: never calls a dead one
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(0)
        self._relayout_timer.timeout.connect(self._relayout)
        self.setContentsMargins(0, 0, 0, 0)

    # -- building ------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget, *, stretch: bool = False) -> None:
        """Add ``widget``; a stretching one (a status line, a search box) fills its line."""
        super().addWidget(widget)
        if stretch:
            self._stretchy.add(len(self._items) - 1)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        """As a box layout's: a non-zero ``stretch`` makes the widget fill its line."""
        self.add(widget, stretch=stretch > 0)

    def addStretch(self, _stretch: int = 0) -> None:
        """Rows already start at the left; a stretch has nothing to do in a flow."""

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        self._stretchy = {i - (i > index) for i in self._stretchy if i != index}
        return self._items.pop(index)

    # -- sizes ---------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:
        width = sum(i.sizeHint().width() for i in self._visible())
        width += self._spacing * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As wide as the widest part; as high as the lines need at the current width.

        The height matters because a splitter or stack above does not ask for a height for
        a width, and a wrapped second line was drawn over whatever came next."""
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        size = size.grownBy(self.contentsMargins())
        if self._height_at_width > size.height():
            size.setHeight(self._height_at_width)
        return size

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        needed = self._arrange(rect, apply=True)
        if needed != self._height_at_width:
            self._height_at_width = needed
            self._relayout_timer.start()

    def _relayout(self) -> None:
        self.invalidate()
        parent = self.parentWidget()
        if parent is not None:
            parent.updateGeometry()

    # -- placing -------------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _lines(self, width: int) -> list[list[int]]:
        lines: list[list[int]] = [[]]
        used = 0
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            wanted = item.sizeHint().width()
            gap = self._spacing if lines[-1] else 0
            if lines[-1] and used + gap + wanted > width:
                lines.append([])
                used, gap = 0, 0
            lines[-1].append(index)
            used += gap + wanted
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        y = area.y()
        for line in self._lines(area.width()):
            items = [self._items[i] for i in line]
            widths = [min(i.sizeHint().width(), area.width()) for i in items]
            spare = area.width() - sum(widths) - self._spacing * (len(items) - 1)
            stretchy = [n for n, i in enumerate(line) if i in self._stretchy]
            if spare > 0 and stretchy:
                for n in stretchy:
                    widths[n] += spare // len(stretchy)
            height = max(i.sizeHint().height() for i in items)
            x = area.x()
            for item, width in zip(items, widths, strict=True):
                if apply:
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                x += width + self._spacing
            y += height + self._spacing
        return (
            y - self._spacing - area.y() + margins.top() + margins.bottom() if y > area.y() else 0
        )


def flow_row(*widgets: QWidget, stretch: QWidget | None = None) -> FlowLayout:
    """A wrapping row of ``widgets``; ``stretch`` (one of them) takes the spare width."""
    row = FlowLayout()
    for widget in widgets:
        row.add(widget, stretch=widget is stretch)
    return row
