"""Change passphrase: the current one, then the new one twice with the live strength meter.

Only the key wrapping changes; the encrypted notes are not rewritten (the core guarantees it).
The dialog hands the two secrets over once with :meth:`take` and then forgets them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.strength_meter import StrengthMeter


def _secret_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class ChangePassphraseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle("Change passphrase")
        self.current = _secret_field(self, "Current passphrase")
        self.new = _secret_field(self, "New passphrase")
        self.repeat = _secret_field(self, "Repeat new passphrase")
        self.meter = StrengthMeter(self)
        self.match_label = QLabel("", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Change passphrase")
        self.ok_button.setEnabled(False)
        form = QFormLayout()
        form.addRow("&Current passphrase:", self.current)
        form.addRow("&New passphrase:", self.new)
        form.addRow("", self.meter)
        form.addRow("&Repeat new:", self.repeat)
        form.addRow("", self.match_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        for field in (self.current, self.new, self.repeat):
            field.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _update(self) -> None:
        self.meter.update_for(self.new.text())
        same = self.new.text() == self.repeat.text()
        self.match_label.setText(
            "" if not self.repeat.text() else ("Matches" if same else "Does not match yet")
        )
        self.ok_button.setEnabled(bool(self.current.text()) and self.meter.acceptable and same)

    def take(self) -> tuple[str, str]:
        """(current, new), then the fields are emptied."""
        pair = (self.current.text(), self.new.text())
        for field in (self.current, self.new, self.repeat):
            field.clear()
        return pair
