"""Light/dark theme and text scale for the whole application.

Why: a mentor writing notes late in the evening wants the desktop's dark mode honoured, and
someone with low vision needs 200% text without a broken layout. Qt 6.8+ lets us force a
colour scheme through ``QStyleHints.setColorScheme``; we also set an explicit palette on the
Fusion style so the choice works on every platform plugin (including offscreen screenshots).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)

from ui.icons import ICON_DIR, refresh_icons
from ui.settings import Theme
from ui.style import refresh_text_roles

_ROLE = QPalette.ColorRole
#: Characters a closed drop-down makes room for; longer choices are elided until opened.
COMBO_CHARS = 14


def dark_palette() -> QPalette:
    """A calm, high-contrast dark palette (text contrast above WCAG AA)."""
    pal = QPalette()
    window, base, text = (
        QColor(0x20, 0x22, 0x26),
        QColor(0x17, 0x19, 0x1C),
        QColor(0xE8, 0xE8, 0xE8),
    )
    accent = QColor(0x5B, 0x9B, 0xD5)
    for role, color in (
        (_ROLE.Window, window),
        (_ROLE.WindowText, text),
        (_ROLE.Base, base),
        (_ROLE.AlternateBase, QColor(0x26, 0x29, 0x2E)),
        (_ROLE.ToolTipBase, window),
        (_ROLE.ToolTipText, text),
        (_ROLE.PlaceholderText, QColor(0x9A, 0x9A, 0x9A)),
        (_ROLE.Text, text),
        (_ROLE.Button, QColor(0x2C, 0x2F, 0x34)),
        (_ROLE.ButtonText, text),
        (_ROLE.BrightText, QColor(0xFF, 0x80, 0x80)),
        (_ROLE.Link, accent),
        (_ROLE.Highlight, QColor(0x2F, 0x5F, 0x8F)),
        (_ROLE.HighlightedText, QColor(0xFF, 0xFF, 0xFF)),
    ):
        pal.setColor(role, color)
    disabled = QColor(0x80, 0x80, 0x80)
    for role in (_ROLE.Text, _ROLE.ButtonText, _ROLE.WindowText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return pal


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def effective_dark(theme: Theme) -> bool:
    if theme is Theme.SYSTEM:
        return system_prefers_dark()
    return theme is Theme.DARK


class CalmStyle(QProxyStyle):
    """Fusion, with form rows that put the label above its field when the row is too narrow
    (a small laptop at 200% text), instead of pushing the field off the edge."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        data: QStyleHintReturn | None = None,
    ) -> int:
        if hint is QStyle.StyleHint.SH_FormLayoutWrapPolicy:
            return QFormLayout.RowWrapPolicy.WrapLongRows.value
        return int(super().styleHint(hint, option, widget, data))

    def polish(self, target: Any) -> Any:
        """A drop-down is as wide as a short choice, not its longest one (which at 200% text
        pushed forms off a small screen); the open list still shows every choice in full."""
        if isinstance(target, QComboBox) and not target.isEditable():
            target.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            target.setMinimumContentsLength(COMBO_CHARS)
        return super().polish(target)


def style_sheet(dark: bool, text_scale: int) -> str:
    """The few rules the palette cannot express: primary buttons, and in dark mode visible
    check boxes and field borders (Fusion draws both in a shade of the window colour, which
    on a dark window was invisible)."""
    accent = "#3d7ab8" if dark else "#2f6aa3"
    indicator = round(14 * text_scale / 100)
    rules = [
        f'QPushButton[primary="true"] {{ background: {accent}; color: white;'
        f" border: 1px solid {accent}; border-radius: 4px; padding: 5px 14px; font-weight: bold; }}",
        'QPushButton[primary="true"]:disabled { background: #8a9aab; border-color: #8a9aab; }',
        f'QPushButton[primary="true"]:hover {{ background: {QColor(accent).lighter(112).name()}; }}',
    ]
    if dark:
        check = (ICON_DIR / "check-white.svg").as_posix()
        rules += [
            f"QCheckBox::indicator, QAbstractItemView::indicator, QGroupBox::indicator {{"
            f" width: {indicator}px; height: {indicator}px; border: 1px solid #9aa3ad;"
            " border-radius: 3px; background: #17191c; }",
            f"QCheckBox::indicator:checked, QAbstractItemView::indicator:checked,"
            f" QGroupBox::indicator:checked {{ background: #3d7ab8; border-color: #7fb0e0;"
            f" image: url({check}); }}",
            "QCheckBox::indicator:disabled { border-color: #5a6068; }",
            "QLineEdit, QPlainTextEdit, QTextEdit { border: 1px solid #5a6068; border-radius: 3px; }",
            "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus { border-color: #7fb0e0; }",
        ]
    return "\n".join(rules)


class ThemeManager:
    """Applies a theme and text scale, and follows the system when the theme is SYSTEM."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._theme = Theme.SYSTEM
        self._base_point_size = app.font().pointSizeF() or 10.0
        self._scale = 100
        app.styleHints().colorSchemeChanged.connect(self._on_system_scheme_changed)

    @property
    def theme(self) -> Theme:
        return self._theme

    @property
    def is_dark(self) -> bool:
        return effective_dark(self._theme)

    def apply(self, theme: Theme, text_scale: int = 100) -> None:
        self._theme = theme
        self._scale = text_scale
        if not isinstance(self._app.style(), CalmStyle):
            self._style = CalmStyle()
            self._app.setStyle(self._style)
        self._apply_palette()
        font = QFont(self._app.font())
        font.setPointSizeF(self._base_point_size * text_scale / 100.0)
        self._app.setFont(font)
        self._app.setStyleSheet(style_sheet(self.is_dark, text_scale))
        refresh_text_roles(font)
        refresh_icons()

    def _apply_palette(self) -> None:
        hints = self._app.styleHints()
        # Tell Qt first (native dialogs and the style follow it), then set the palette.
        if self._theme is Theme.SYSTEM:
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(
                Qt.ColorScheme.Dark if self._theme is Theme.DARK else Qt.ColorScheme.Light
            )
        if self.is_dark:
            palette = dark_palette()
        elif self._theme is Theme.LIGHT:
            palette = self._app.style().standardPalette()
        else:
            palette = QPalette()  # empty: the platform's own light palette
        self._app.setPalette(palette)

    def _on_system_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme is Theme.SYSTEM:
            self._app.setPalette(dark_palette() if system_prefers_dark() else QPalette())
