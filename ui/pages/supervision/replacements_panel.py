"""The column beside the supervision preview: every replacement in words, one row per person,
place or value, and what the anonymiser could not judge ("Please check before export").

Apart from the dialog because these lists are how the preview is read without colour (a
screen reader, a colour-blind mentor); the dialog decides what a row's activation does.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.pages.supervision.highlights import category_name

if TYPE_CHECKING:
    from mentorjournal.anonymise.review import CheckItem
    from mentorjournal.export.draft import ReplacementGroup

CHECK_KINDS = {"word": "Unusual word", "number": "Number", "event": "Life event"}


def group_label(group: ReplacementGroup) -> str:
    """A row of the list: what it became, every way it was written, its kind and count."""
    forms = ", ".join(f"“{s}”" for s in group.surfaces)
    if group.kept == group.count:
        state = "kept as written"
    elif group.kept:
        state = f"{group.label} ({group.kept} of {group.count} kept as written)"
    else:
        state = group.label
    return f"{state} ← {forms} · {category_name(group.category)}, ×{group.count}"


class ReplacementsPanel(QWidget):
    """The replacements list with its Restore button, and the please-check list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.replacement_list = QListWidget(self)
        self.replacement_list.setAccessibleName(
            "Replacements, one row per person or place (Enter restores or replaces every mention)"
        )
        self.replacement_list.setWordWrap(True)
        # Thousands of rows in a long summary: lay them out a batch per turn of the event loop.
        self.replacement_list.setLayoutMode(QListView.LayoutMode.Batched)
        self.replacement_list.setBatchSize(200)
        self.restore_button = QPushButton("Re&store / replace again", self)
        self.restore_button.setAccessibleName("Restore the chosen replacement or replace it again")
        self.check_list = QListWidget(self)
        self.check_list.setAccessibleName("Please check before export")
        self.check_list.setAccessibleDescription(
            "Words, numbers and life events the anonymiser cannot judge: check each before export."
        )
        self.check_list.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        replacements_label = QLabel("Replacements, one row per person or place:", self)
        replacements_label.setWordWrap(True)  # a long label must not widen the panel at 200% text
        layout.addWidget(replacements_label)
        layout.addWidget(self.replacement_list, 2)
        layout.addWidget(self.restore_button)
        check_label = QLabel("&Please check before export:", self)
        check_label.setWordWrap(True)
        check_label.setBuddy(self.check_list)
        layout.addWidget(check_label)
        layout.addWidget(self.check_list, 1)

    def show_groups(self, groups: Sequence[ReplacementGroup]) -> None:
        """One row per group; a row's data is the group's index in ``groups``."""
        self.replacement_list.clear()
        labels = [group_label(group) for group in groups]
        # All rows in one insertion (one by one, each told the view separately: ~5x slower).
        self.replacement_list.addItems(labels)
        for number in range(len(labels)):
            entry = self.replacement_list.item(number)
            entry.setData(Qt.ItemDataRole.UserRole, number)
            entry.setToolTip("Press Enter or double-click to restore or replace every mention")

    def show_checks(self, items: Sequence[CheckItem] | None) -> None:
        """What to check before export (``None``: no draft yet, the list stays empty)."""
        self.check_list.clear()
        if items is None:
            return
        for item in items:
            entry = QListWidgetItem(
                f"{CHECK_KINDS.get(item.kind, item.kind)}: “{item.text}” — …{item.context}…"
            )
            entry.setData(Qt.ItemDataRole.UserRole, item.text)
            self.check_list.addItem(entry)
        if self.check_list.count() == 0:
            self.check_list.addItem("Nothing else stands out.")

    def clear(self) -> None:
        self.replacement_list.clear()
        self.check_list.clear()
