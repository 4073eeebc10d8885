"""The ONE seam for every message box, file dialog and input dialog in the app.

Why: modal dialogs block a test forever, and a view that builds its own ``QMessageBox`` cannot
be tested without patching Qt. Every view receives a :class:`Prompts` (passed in, never global)
and asks it instead. The app passes :class:`QtPrompts`; tests pass :class:`ScriptedPrompts`,
which answers from a script and records every question, so a test can prove both that the
user was asked and what happened after each answer.

Usage in a widget::

    if self._prompts.confirm("Sign note", "A signed note cannot be changed.", ok_label="Sign"):
        ...
    self._prompts.show_error(exc)          # typed errors get plain words and advice

Usage in a test::

    prompts = ScriptedPrompts()
    prompts.script("confirm", True)        # the next confirm() answers True
    ...
    assert prompts.asked("confirm")[0].title == "Sign note"

Unscripted questions (``confirm``, ``ask_text``, ``ask_item``, file choosers) fail the test
loudly with :class:`UnexpectedPrompt`; notices (``inform``, ``warn``, ``error``) are only
recorded.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from mentorjournal.errors import (
    DiskFull,
    KeyFileOutdated,
    MentorJournalError,
    OlderCopy,
    RecordNotFound,
    RecordSigned,
    ValidationError,
    VaultCorrupt,
    VaultInUse,
    VaultMissing,
    WeakPassphrase,
    WrongPassphrase,
)

#: Plain-language headlines for the typed errors a user can meet (``advice`` says what next).
_HEADLINES: tuple[tuple[type[BaseException], str], ...] = (
    (WrongPassphrase, "That passphrase did not unlock the vault."),
    (VaultMissing, "There is no vault in this folder."),
    (KeyFileOutdated, "This key file is older than your journal."),
    (OlderCopy, "This is an older copy of your vault."),
    (VaultCorrupt, "The vault's files are damaged or not a Mentor Journal vault."),
    (VaultInUse, "This vault is already open in another Mentor Journal window."),
    (RecordSigned, "This note is signed and can no longer be changed."),
    (RecordNotFound, "That record no longer exists."),
    (DiskFull, "The disk is full."),
    (WeakPassphrase, "That passphrase is too weak."),
    (ValidationError, "Some of what you entered is not valid."),
)


@dataclass(frozen=True)
class Explained:
    """A failure in words a tired mentor can act on: headline, detail, what to do next."""

    headline: str
    detail: str
    advice: str


def explain(error: BaseException) -> Explained:
    """Map any failure to plain words; unexpected ones never leak internals or content."""
    if isinstance(error, MentorJournalError):
        headline = next(
            (text for kind, text in _HEADLINES if isinstance(error, kind)),
            "Mentor Journal could not do that.",
        )
        detail = str(error)
        return Explained(headline, "" if detail == headline else detail, error.advice)
    if isinstance(error, OSError):
        return Explained(
            "The computer refused a file operation.",
            error.strerror or type(error).__name__,
            "Check the folder exists and you may write to it.",
        )
    return Explained(
        "Something unexpected went wrong.",
        type(error).__name__,
        "Your saved work is safe. Try again; if it keeps happening, restart the app.",
    )


class Prompts(Protocol):
    """Every question the app may ask the user. Return ``None``/``False`` for Cancel."""

    def inform(self, title: str, text: str, detail: str = "") -> None: ...

    def warn(self, title: str, text: str, detail: str = "") -> None: ...

    def error(self, title: str, text: str, detail: str = "") -> None: ...

    def show_error(self, error: BaseException, title: str = "Mentor Journal") -> None: ...

    def confirm(
        self, title: str, text: str, *, ok_label: str = "OK", destructive: bool = False
    ) -> bool: ...

    def ask_text(
        self, title: str, label: str, text: str = "", *, password: bool = False
    ) -> str | None: ...

    def ask_item(
        self, title: str, label: str, items: Sequence[str], current: int = 0
    ) -> str | None: ...

    def open_file(self, title: str, directory: str = "", filters: str = "") -> Path | None: ...

    def save_file(self, title: str, directory: str = "", filters: str = "") -> Path | None: ...

    def choose_directory(self, title: str, directory: str = "") -> Path | None: ...

    def print_document(self, title: str, document: QTextDocument) -> bool: ...


class QtPrompts:
    """The real dialogs. Parented to ``parent`` or the active window so they stay on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self._parent = parent

    def _owner(self) -> QWidget | None:
        return self._parent or QApplication.activeWindow()

    def _box(self, icon: QMessageBox.Icon, title: str, text: str, detail: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._owner())
        box.setInformativeText(detail)
        box.setAccessibleName(title)
        box.exec()

    def inform(self, title: str, text: str, detail: str = "") -> None:
        self._box(QMessageBox.Icon.Information, title, text, detail)

    def warn(self, title: str, text: str, detail: str = "") -> None:
        self._box(QMessageBox.Icon.Warning, title, text, detail)

    def error(self, title: str, text: str, detail: str = "") -> None:
        self._box(QMessageBox.Icon.Critical, title, text, detail)

    def show_error(self, error: BaseException, title: str = "Mentor Journal") -> None:
        words = explain(error)
        self.error(title, words.headline, "\n\n".join(p for p in (words.detail, words.advice) if p))

    def confirm(
        self, title: str, text: str, *, ok_label: str = "OK", destructive: bool = False
    ) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self._owner())
        role = (
            QMessageBox.ButtonRole.DestructiveRole
            if destructive
            else QMessageBox.ButtonRole.AcceptRole
        )
        ok = box.addButton(ok_label, role)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        # A destructive action is never the default: Enter must not erase anything.
        box.setDefaultButton(cancel if destructive else ok)
        box.exec()
        return box.clickedButton() is ok

    def ask_text(
        self, title: str, label: str, text: str = "", *, password: bool = False
    ) -> str | None:
        mode = QLineEdit.EchoMode.Password if password else QLineEdit.EchoMode.Normal
        value, ok = QInputDialog.getText(self._owner(), title, label, mode, text)
        return value if ok else None

    def ask_item(
        self, title: str, label: str, items: Sequence[str], current: int = 0
    ) -> str | None:
        value, ok = QInputDialog.getItem(self._owner(), title, label, list(items), current, False)
        return value if ok else None

    def open_file(self, title: str, directory: str = "", filters: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self._owner(), title, directory, filters)
        return Path(name) if name else None

    def save_file(self, title: str, directory: str = "", filters: str = "") -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self._owner(), title, directory, filters)
        return Path(name) if name else None

    def choose_directory(self, title: str, directory: str = "") -> Path | None:
        name = QFileDialog.getExistingDirectory(self._owner(), title, directory)
        return Path(name) if name else None

    def print_document(self, title: str, document: QTextDocument) -> bool:
        """Ask for a printer (or PDF file) and print; False when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        dialog = QPrintDialog(printer, self._owner())
        dialog.setWindowTitle(title)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        document.print_(printer)
        return True


class UnexpectedPrompt(AssertionError):
    """A test reached a question it did not script an answer for."""


@dataclass(frozen=True)
class Asked:
    """One recorded question: which method, its title and main text, and the answer given."""

    kind: str
    title: str
    text: str
    answer: Any = None


@dataclass
class ScriptedPrompts:
    """Answers questions from a script and records every prompt (for tests and screenshots).

    ``script(kind, answer)`` queues an answer for the next call of method ``kind``
    (``"confirm"``, ``"ask_text"``, ``"ask_item"``, ``"open_file"``, ``"save_file"``,
    ``"choose_directory"``, ``"print_document"``). Answers are consumed in order per kind.
    """

    log: list[Asked] = field(default_factory=list)
    #: What each question offered before the user typed: (kind, pre-filled text or path).
    offered: list[tuple[str, str]] = field(default_factory=list)
    _answers: dict[str, deque[Any]] = field(default_factory=dict)

    def script(self, kind: str, answer: Any) -> ScriptedPrompts:
        self._answers.setdefault(kind, deque()).append(answer)
        return self

    def asked(self, kind: str | None = None) -> list[Asked]:
        return [a for a in self.log if kind is None or a.kind == kind]

    def pending(self) -> dict[str, int]:
        """Scripted answers not yet used (a test can assert this is empty)."""
        return {k: len(v) for k, v in self._answers.items() if v}

    def _answer(self, kind: str, title: str, text: str) -> Any:
        queue = self._answers.get(kind)
        if not queue:
            self.log.append(Asked(kind, title, text, None))
            raise UnexpectedPrompt(f"unscripted {kind}: {title!r} / {text!r}")
        answer = queue.popleft()
        self.log.append(Asked(kind, title, text, answer))
        return answer

    def inform(self, title: str, text: str, detail: str = "") -> None:
        self.log.append(Asked("inform", title, text, detail))

    def warn(self, title: str, text: str, detail: str = "") -> None:
        self.log.append(Asked("warn", title, text, detail))

    def error(self, title: str, text: str, detail: str = "") -> None:
        self.log.append(Asked("error", title, text, detail))

    def show_error(self, error: BaseException, title: str = "Mentor Journal") -> None:
        words = explain(error)
        self.log.append(Asked("error", title, words.headline, error))

    def confirm(
        self, title: str, text: str, *, ok_label: str = "OK", destructive: bool = False
    ) -> bool:
        return bool(self._answer("confirm", title, text))

    def ask_text(
        self, title: str, label: str, text: str = "", *, password: bool = False
    ) -> str | None:
        self.offered.append(("ask_text", text))
        answer = self._answer("ask_text", title, label)
        return None if answer is None else str(answer)

    def ask_item(
        self, title: str, label: str, items: Sequence[str], current: int = 0
    ) -> str | None:
        answer = self._answer("ask_item", title, label)
        return None if answer is None else str(answer)

    def open_file(self, title: str, directory: str = "", filters: str = "") -> Path | None:
        answer = self._answer("open_file", title, filters)
        return None if answer is None else Path(answer)

    def save_file(self, title: str, directory: str = "", filters: str = "") -> Path | None:
        self.offered.append(("save_file", directory))
        answer = self._answer("save_file", title, filters)
        return None if answer is None else Path(answer)

    def choose_directory(self, title: str, directory: str = "") -> Path | None:
        answer = self._answer("choose_directory", title, directory)
        return None if answer is None else Path(answer)

    def print_document(self, title: str, document: QTextDocument) -> bool:
        """Scripted: ``True`` means "printed"; the document's text is kept for assertions."""
        return bool(self._answer("print_document", title, document.toPlainText()))
