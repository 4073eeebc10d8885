"""The layout audit finds what a user would see as broken, and the real app has none of it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from ui.layout_audit import inspect


def _shown(qtbot: QtBot, widget: QWidget, width: int, height: int) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_a_squeezed_button_is_clipped(qtbot: QtBot) -> None:
    root = QWidget()
    button = QPushButton("A button with a long label", root)
    button.setGeometry(0, 0, 40, 10)
    findings = inspect(_shown(qtbot, root, 200, 100))
    assert any("A button with a long label" in p for p in findings.clipped)


def test_wrapped_text_shorter_than_it_needs_is_clipped(qtbot: QtBot) -> None:
    root = QWidget()
    label = QLabel("words " * 40, root)
    label.setWordWrap(True)
    label.setGeometry(0, 0, 120, 20)
    findings = inspect(_shown(qtbot, root, 200, 100))
    assert any("its text needs" in p for p in findings.clipped)


def test_a_label_outside_its_parent_is_clipped(qtbot: QtBot) -> None:
    root = QWidget()
    label = QLabel("Half hidden", root)
    label.setGeometry(150, 0, label.sizeHint().width(), label.sizeHint().height())
    findings = inspect(_shown(qtbot, root, 160, 100))
    assert any("runs outside" in p for p in findings.clipped)


def test_siblings_drawn_over_each_other_overlap(qtbot: QtBot) -> None:
    root = QWidget()
    first = QPushButton("One", root)
    second = QPushButton("Two", root)
    first.setGeometry(0, 0, 100, 30)
    second.setGeometry(50, 10, 100, 30)
    findings = inspect(_shown(qtbot, root, 300, 100))
    assert findings.overlapping


def test_an_editor_that_scrolls_sideways_is_reported(qtbot: QtBot) -> None:
    root = QWidget()
    editor = QPlainTextEdit(root)
    editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
    editor.setPlainText("x" * 500)
    QVBoxLayout(root).addWidget(editor)
    findings = inspect(_shown(qtbot, root, 200, 150))
    assert findings.sideways


def test_a_laid_out_form_is_clean(qtbot: QtBot) -> None:
    root = QWidget()
    layout = QVBoxLayout(root)
    for text in ("Name", "Save", "Cancel"):
        layout.addWidget(QPushButton(text))
    findings = inspect(_shown(qtbot, root, 300, 200))
    assert findings.clean, findings


def test_every_view_fits_at_every_size_scale_and_theme() -> None:
    """`make ui-audit`, run as a program (it sets the app's theme and text size freely)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-m", "ui.layout_audit"],
        check=False, capture_output=True, text=True, timeout=900, env=env,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    report = done.stdout
    assert "total: 0 clipped, 0 overlapping, 0 sideways" in report, report[-4000:]
    assert done.returncode == 0
    rows = [line for line in report.splitlines() if line.split()[:1] and "x" in line.split()[1]]
    views = {line.split()[0] for line in rows}
    assert {"first-run", "unlock", "session-editor", "settings", "supervision-preview"} <= views
    # Every page the window can show is visited: a page added later is audited too.
    from ui.windows.page_registry import AREAS, MENTEE_TABS

    aliases = {"sessions": "main-window"}
    pages = {aliases.get(s.key, s.key).replace("_", "-") for s in (*MENTEE_TABS, *AREAS)}
    assert pages <= {v.replace("_", "-") for v in views}, pages - views
    assert len(rows) == len(views) * 8  # two sizes x two text scales x two themes
