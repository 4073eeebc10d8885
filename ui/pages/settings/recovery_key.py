"""A newly made recovery key, shown once, with Copy / Save / Print and the type-back check.

Reuses the recovery step of the create-vault window so both paths behave the same way.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from ui.prompts import Prompts
from ui.windows.create_vault import CreateVaultWindow


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle("Your new recovery key")
        self.panel = CreateVaultWindow(prompts, self)
        self.panel.show_recovery_key(recovery_key)
        self.panel.continue_button.setText("&Done")
        self.panel.finished.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
