"""What changed between two coping-plan versions, per section: added, removed, moved, kept.

Why: plans are revised with the mentee over months; a mentor preparing a review wants to see at
a glance what the mentee added or dropped. The comparison (:func:`diff_sections`) is pure and
tested on its own; :class:`PlanDiffView` shows it with a word prefix *and* a palette-derived
tint on every changed line, so the meaning never rests on colour alone (screen readers, colour
blindness, dark mode).
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QTextBrowser, QWidget


class Change(Enum):
    KEPT = "kept"
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"


#: The word shown in front of a changed line (never colour alone).
PREFIX = {
    Change.KEPT: "",
    Change.ADDED: "Added: ",
    Change.REMOVED: "Removed: ",
    Change.MOVED: "Moved: ",
}


@dataclass(frozen=True)
class ItemChange:
    change: Change
    text: str


@dataclass(frozen=True)
class SectionDiff:
    title: str
    items: tuple[ItemChange, ...]

    @property
    def changed(self) -> bool:
        return any(item.change is not Change.KEPT for item in self.items)


Sections = Sequence[tuple[str, Sequence[str]]]


def diff_items(old: Sequence[str], new: Sequence[str]) -> tuple[ItemChange, ...]:
    """Items of ``new`` in order (kept/added/moved), then those only in ``old`` (removed).

    difflib finds the longest common run; an item outside it that exists on both sides is a
    move, not a delete plus an add. Duplicates are matched one for one.
    """
    matcher = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    kept_new: set[int] = set()
    kept_old: set[int] = set()
    for block in matcher.get_matching_blocks():
        kept_old.update(range(block.a, block.a + block.size))
        kept_new.update(range(block.b, block.b + block.size))
    spare_old = [old[i] for i in range(len(old)) if i not in kept_old]
    result: list[ItemChange] = []
    for index, text in enumerate(new):
        if index in kept_new:
            result.append(ItemChange(Change.KEPT, text))
        elif text in spare_old:
            spare_old.remove(text)
            result.append(ItemChange(Change.MOVED, text))
        else:
            result.append(ItemChange(Change.ADDED, text))
    result.extend(ItemChange(Change.REMOVED, text) for text in spare_old)
    return tuple(result)


def diff_sections(old: Sections, new: Sections) -> tuple[SectionDiff, ...]:
    """Section by section, in the newer version's order (sections only in ``old`` come last)."""
    old_map = {title: list(items) for title, items in old}
    new_titles = [title for title, _ in new]
    result = [SectionDiff(title, diff_items(old_map.get(title, []), items)) for title, items in new]
    result.extend(
        SectionDiff(title, diff_items(items, [])) for title, items in old if title not in new_titles
    )
    return tuple(result)


def summarise(diffs: Sequence[SectionDiff]) -> str:
    """One line for a status label: how many items were added, removed and moved."""
    counts = dict.fromkeys(Change, 0)
    for section in diffs:
        for item in section.items:
            counts[item.change] += 1
    if not any(counts[c] for c in (Change.ADDED, Change.REMOVED, Change.MOVED)):
        return "No differences."
    return (
        f"{counts[Change.ADDED]} added, {counts[Change.REMOVED]} removed, "
        f"{counts[Change.MOVED]} moved."
    )


def _tint(palette: QPalette, change: Change) -> str:
    """A soft background blended from the palette, readable in light and dark themes."""
    base = palette.color(QPalette.ColorRole.Base)
    accent = {
        Change.ADDED: QColor(46, 160, 67),
        Change.REMOVED: QColor(215, 58, 73),
        Change.MOVED: QColor(210, 153, 34),
    }.get(change)
    if accent is None:
        return ""
    mix = 0.28
    red = round(base.red() * (1 - mix) + accent.red() * mix)
    green = round(base.green() * (1 - mix) + accent.green() * mix)
    blue = round(base.blue() * (1 - mix) + accent.blue() * mix)
    return f"background-color: rgb({red}, {green}, {blue});"


def render_html(diffs: Sequence[SectionDiff], palette: QPalette) -> str:
    parts: list[str] = []
    for section in diffs:
        parts.append(f"<h3>{html.escape(section.title)}</h3>")
        if not section.items:
            parts.append("<p><i>(empty in both versions)</i></p>")
            continue
        parts.append("<ul>")
        for item in section.items:
            text = html.escape(item.text)
            prefix = PREFIX[item.change]
            if item.change is Change.REMOVED:
                text = f"<s>{text}</s>"
            style = _tint(palette, item.change)
            label = f"<b>{prefix}</b>" if prefix else ""
            parts.append(f'<li style="{style}">{label}{text}</li>')
        parts.append("</ul>")
    return "\n".join(parts)


class PlanDiffView(QTextBrowser):
    """Read-only rendering of a :func:`diff_sections` result."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Differences between the two chosen plan versions")
        self.setOpenLinks(False)
        self._diffs: tuple[SectionDiff, ...] = ()

    def show_diff(self, diffs: Sequence[SectionDiff]) -> None:
        self._diffs = tuple(diffs)
        self.setHtml(render_html(self._diffs, self.palette()))
        self.setAccessibleDescription(summarise(self._diffs))

    def diffs(self) -> tuple[SectionDiff, ...]:
        return self._diffs

    def changeEvent(self, event: QEvent) -> None:
        """The tints are mixed from the palette: mix them again when the theme changes (they
        stayed dark after switching back to light)."""
        super().changeEvent(event)
        kinds = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
        if event.type() in kinds and self._diffs:
            self.setHtml(render_html(self._diffs, self.palette()))

    def clear(self) -> None:
        self._diffs = ()
        super().clear()
