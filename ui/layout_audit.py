"""``python -m ui.layout_audit``: no view clips, overlaps or scrolls sideways, at any size.

Why a program: a layout that is fine at 1280x800 and 100% text can cut a word in half on a
small laptop or at 200% text, and nobody looks at every screen in every combination. This
visits every window, page, dialog and tab of the real app (:mod:`ui.tour`) at 1024x700 and
1920x1080, at 100% and 200% text, in light and dark, and checks three things a user would
notice:

* **clipped**: a visible label, button or field is narrower or shorter than its minimum size
  hint (a word-wrapped label: shorter than the height its text needs at its width), lies
  partly outside the widget that holds it, or a table column's heading is cut; a window
  that cannot shrink to the screen size counts too;
* **overlapping**: two visible sibling widgets cover each other;
* **sideways scrolling**: an editor form (a scroll area or text editor) shows a horizontal
  scroll bar.

It prints one row per view and combination and exits non-zero when anything was found.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QSizeGrip,
    QSplitterHandle,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)

SIZES: tuple[tuple[int, int], ...] = ((1024, 700), (1920, 1080))
SCALES: tuple[int, ...] = (100, 200)
THEMES: tuple[str, ...] = ("light", "dark")
#: Widgets whose inside is Qt's own business (their parts are laid out by the style).
_COMPOUND = (
    QAbstractSpinBox,
    QComboBox,
    QTabBar,
    QAbstractItemView,
    QCalendarWidget,
    QScrollBar,
    QLineEdit,
)
_CHECKED = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
_NOT_SIBLINGS = (QSplitterHandle, QSizeGrip, QMenu)
TOLERANCE = 1


@dataclass
class Findings:
    """What one view showed in one combination."""

    clipped: list[str] = field(default_factory=list)
    overlapping: list[str] = field(default_factory=list)
    sideways: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.clipped or self.overlapping or self.sideways)


def describe(widget: QWidget) -> str:
    """A short name for a widget: class, object name or text."""
    name = widget.objectName() or widget.accessibleName()
    text = ""
    if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
        text = widget.text().replace("\n", " ")
    label = name or (text[:40] if text else "")
    return f"{type(widget).__name__}({label!r})"


def _internal(widget: QWidget, root: QWidget) -> bool:
    """Part of a compound Qt widget (a spin box's line edit, a tab bar's arrows, ...)."""
    if widget.objectName().startswith("qt_") and not widget.objectName().endswith("viewport"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def _visible_widgets(root: QWidget) -> Iterator[QWidget]:
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and not widget.isWindow() and not _internal(widget, root):
            yield widget


def _too_small(widget: QWidget) -> str | None:
    size = widget.size()
    hint = widget.minimumSizeHint()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.hasHeightForWidth():
        needed = widget.heightForWidth(size.width())
        if needed > size.height() + TOLERANCE:
            return f"{describe(widget)} is {size.height()} px high, its text needs {needed}"
        hint = QSize(0, 0)
    if isinstance(widget, QLabel) and not widget.text() and widget.pixmap().isNull():
        return None
    if size.width() + TOLERANCE < hint.width() or size.height() + TOLERANCE < hint.height():
        return (
            f"{describe(widget)} is {size.width()}x{size.height()}, "
            f"needs {hint.width()}x{hint.height()}"
        )
    return None


def _cut_by_parent(widget: QWidget) -> str | None:
    """Part of the widget lies outside an ancestor that does not scroll (so it is not shown)."""
    rect = QRect(QPoint(0, 0), widget.size())
    child: QWidget = widget
    parent = widget.parentWidget()
    while parent is not None and not child.isWindow():
        rect = rect.translated(child.pos())
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent.objectName().endswith(
            "viewport"
        ):
            # Inside a scrolled area, out of sight above or below is fine; sideways it is not
            # when the area does not scroll sideways (that case is reported as "sideways").
            area = parent.parentWidget()
            assert isinstance(area, QAbstractScrollArea)
            if area.horizontalScrollBar().isVisible():
                return None
            if rect.left() < -TOLERANCE or rect.right() > parent.width() + TOLERANCE:
                return f"{describe(widget)} runs off the side of {describe(area)}"
            return None
        bounds = QRect(QPoint(0, 0), parent.size()).adjusted(
            -TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE
        )
        if not bounds.contains(rect):
            return f"{describe(widget)} runs outside {describe(parent)}"
        child, parent = parent, parent.parentWidget()
    return None


def _cut_headings(view: QTableView) -> Iterator[str]:
    header = view.horizontalHeader()
    model = view.model()
    if model is None or not header.isVisible():
        return
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        width = header.sectionSize(column)
        wanted = header.sectionSizeFromContents(column).width()
        if width + TOLERANCE < wanted:
            title = model.headerData(column, header.orientation())
            yield f"{describe(view)} column {title!r} is {width} px wide, needs {wanted}"


def clipped_widgets(root: QWidget) -> list[str]:
    found: list[str] = []
    for widget in _visible_widgets(root):
        if isinstance(widget, _CHECKED):
            problem = _too_small(widget) or _cut_by_parent(widget)
            if problem:
                found.append(problem)
        if isinstance(widget, QTableView):
            found.extend(_cut_headings(widget))
    return found


def overlapping_siblings(root: QWidget) -> list[str]:
    found: list[str] = []
    for parent in itertools.chain([root], _visible_widgets(root)):
        if isinstance(parent, (*_COMPOUND, QAbstractScrollArea)):
            continue
        children = [
            child
            for child in parent.children()
            if isinstance(child, QWidget)
            and child.isVisible()
            and not child.isWindow()
            and not isinstance(child, _NOT_SIBLINGS)
            and not child.objectName().startswith("qt_")
        ]
        for first, second in itertools.combinations(children, 2):
            shared = first.geometry().intersected(second.geometry())
            if shared.width() > TOLERANCE and shared.height() > TOLERANCE:
                found.append(f"{describe(first)} overlaps {describe(second)}")
    return found


def sideways_scrolling(root: QWidget) -> list[str]:
    found: list[str] = []
    for widget in _visible_widgets(root):
        editor = isinstance(widget, QScrollArea | QTextEdit | QPlainTextEdit)
        if (
            editor
            and isinstance(widget, QAbstractScrollArea)
            and widget.horizontalScrollBar().isVisible()
        ):
            found.append(f"{describe(widget)} scrolls sideways")
    return found


def inspect(root: QWidget, size: QSize | None = None) -> Findings:
    """Check one shown top-level widget (``size``: what it was asked to fit)."""
    findings = Findings(
        clipped=clipped_widgets(root),
        overlapping=overlapping_siblings(root),
        sideways=sideways_scrolling(root),
    )
    if size is not None:
        actual = root.size()
        if actual.width() > size.width() or actual.height() > size.height():
            findings.clipped.append(
                f"{describe(root)} cannot shrink to {size.width()}x{size.height()} "
                f"(it needs {actual.width()}x{actual.height()})"
            )
    return findings


@dataclass(frozen=True)
class Row:
    view: str
    size: tuple[int, int]
    scale: int
    theme: str
    findings: Findings


def fit(widget: QWidget, screen: QSize, dialog: bool) -> QSize:
    """The size a view gets: a window fills the screen; a dialog keeps its own, within it."""
    if not dialog:
        return screen
    own = widget.size().expandedTo(widget.sizeHint())
    return own.boundedTo(screen)


def run_audit(
    work: Path,
    sizes: Sequence[tuple[int, int]] = SIZES,
    scales: Sequence[int] = SCALES,
    themes: Sequence[str] = THEMES,
    only: Iterable[str] = (),
) -> list[Row]:
    """Visit every view in every combination and return what was found."""
    from ui.settings import Theme
    from ui.tour import Tour

    tour = Tour(work)
    rows: list[Row] = []
    wanted = set(only)
    try:
        tour.open_demo()
        views = [v for v in tour.views() if not wanted or v.name in wanted]
        for theme_name, scale in itertools.product(themes, scales):
            tour.theme.apply(Theme(theme_name), scale)
            tour.settle(0.05)
            for view in views:
                widget = view.show()
                for width, height in sizes:
                    target = fit(widget, QSize(width, height), view.dialog)
                    widget.resize(target)
                    tour.settle_layout(widget)
                    findings = inspect(widget, target)
                    rows.append(Row(view.name, (width, height), scale, theme_name, findings))
                if view.dialog:
                    tour.hide_dialogs()
    finally:
        tour.close()
    return rows


def table(rows: Sequence[Row], verbose: bool = False) -> str:
    """The report: one line per view and combination, then the details of any problem."""
    lines = [f"{'view':<24} {'size':<10} {'text':>5} {'theme':<6} clipped overlapping sideways"]
    details: list[str] = []
    for row in rows:
        f = row.findings
        size = f"{row.size[0]}x{row.size[1]}"
        lines.append(
            f"{row.view:<24} {size:<10} {row.scale:>4}% {row.theme:<6} "
            f"{len(f.clipped):>7} {len(f.overlapping):>11} {len(f.sideways):>8}"
        )
        if not f.clean or verbose:
            where = f"{row.view} {size} {row.scale}% {row.theme}"
            details.extend(f"  {where}: {p}" for p in (*f.clipped, *f.overlapping, *f.sideways))
    total = [sum(len(getattr(r.findings, k)) for r in rows) for k in Findings.__annotations__]
    lines.append(f"total: {total[0]} clipped, {total[1]} overlapping, {total[2]} sideways")
    return "\n".join([*lines, *details])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="ui-audit", description=__doc__.splitlines()[0])
    parser.add_argument("--view", action="append", default=[], help="only this view (repeat)")
    parser.add_argument("--size", action="append", default=[], help="WIDTHxHEIGHT (repeat)")
    parser.add_argument("--scale", action="append", type=int, default=[], help="text %% (repeat)")
    parser.add_argument("--theme", action="append", default=[], choices=THEMES)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.size] or list(SIZES)
    with tempfile.TemporaryDirectory(prefix="mentorjournal-audit-") as work:
        rows = run_audit(
            Path(work),
            sizes=[(w, h) for w, h in sizes],
            scales=args.scale or SCALES,
            themes=args.theme or THEMES,
            only=args.view,
        )
    print(table(rows))
    return 0 if all(r.findings.clean for r in rows) else 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
