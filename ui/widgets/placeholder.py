"""A clearly labelled stand-in for a content page that has not been built (or failed to load).

It honours the page contract of ``ui.windows.main_window`` so the shell can treat every page
the same way.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """Says which view will appear here; holds no data, so ``clear`` has nothing to drop."""

    def __init__(self, title: str, reason: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.mentee_id: str | None = None
        text = f"{title}\n\nThis view is not available in this build yet."
        if reason:
            text += f"\n({reason})"
        self.label = QLabel(text, self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setAccessibleName(f"{title} placeholder")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)

    def set_mentee(self, mentee_id: str | None) -> None:
        self.mentee_id = mentee_id

    def on_changes(self, changes: Any) -> None:
        """Nothing shown, nothing to refresh."""

    def clear(self) -> None:
        self.mentee_id = None
