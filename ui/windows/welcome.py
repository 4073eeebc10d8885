"""First run: create a real vault, or look around in a separate demo vault first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ui.style import mark_primary
from ui.widgets.card import centred_card


class WelcomeWindow(QWidget):
    """Two clear choices; nothing is written until one is made."""

    create_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeWindow")
        self.setWindowTitle("Welcome to Mentor Journal")
        title = QLabel("<h1>Mentor Journal</h1>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        intro = QLabel(
            "A private journal for your mentoring: session notes, goals, coping plans, "
            "reflections and supervision. Everything stays on this computer, encrypted "
            "with a passphrase only you know.",
            self,
        )
        intro.setWordWrap(True)
        self.create_button = QPushButton("&Create my vault", self)
        self.create_button.setObjectName("createVault")
        self.create_button.setAccessibleName("Create my vault")
        self.create_button.setDefault(True)
        self.create_button.setMinimumHeight(44)
        mark_primary(self.create_button)
        self.demo_button = QPushButton("&Explore with demo data", self)
        self.demo_button.setObjectName("exploreDemo")
        self.demo_button.setAccessibleName("Explore with demo data")
        self.demo_button.setMinimumHeight(44)
        demo_note = QLabel(
            "The demo opens a separate vault filled with invented mentees. It is marked DEMO "
            "and never mixes with your own vault.",
            self,
        )
        demo_note.setWordWrap(True)
        self.create_button.clicked.connect(self.create_requested.emit)
        self.demo_button.clicked.connect(self.demo_requested.emit)
        _card, layout = centred_card(self)
        for widget in (title, intro, self.create_button, self.demo_button, demo_note):
            layout.addWidget(widget)
        self.setMinimumSize(560, 420)
