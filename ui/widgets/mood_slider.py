"""A 0-10 mood slider with its value always visible and a "not recorded" position.

Why: mood before/after are optional check-ins; a slider that starts at 5 would record a mood
nobody chose. The leftmost position (-1) means "not recorded", and the label says so in words,
which is also what a screen reader hears.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QStyle, QStyleOptionSlider, QWidget

NOT_RECORDED = -1


class _ClickToSetSlider(QSlider):
    """A click on the track jumps to the value under the pointer.

    Qt's default moves one page step toward the click, so one click at about 4 or 7 on a
    slider at "not recorded" saved 0 / 10: a mood nobody chose.
    """

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() is Qt.MouseButton.LeftButton:
            option = QStyleOptionSlider()
            self.initStyleOption(option)
            handle = self.style().subControlRect(
                QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
            )
            if not handle.contains(event.position().toPoint()):
                self.setValue(self._value_at(event.position().x(), handle.width()))
        super().mousePressEvent(event)

    def _value_at(self, x: float, handle_width: int) -> int:
        span = max(1, self.width() - handle_width)
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), round(x - handle_width / 2), span
        )


class MoodSlider(QWidget):
    """``value()`` is None (not recorded) or 0..10."""

    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = _ClickToSetSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(NOT_RECORDED, 10)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setAccessibleName(f"{name} (0 to 10; far left = not recorded)")
        self.slider.setValue(NOT_RECORDED)
        self.label = QLabel()
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("Not recorded") + 4)
        self.label.setAccessibleName(f"{name} value")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self.setFocusProxy(self.slider)
        self.slider.valueChanged.connect(self._changed)
        self._show(NOT_RECORDED)

    def value(self) -> int | None:
        raw = self.slider.value()
        return None if raw == NOT_RECORDED else raw

    def set_value(self, value: int | None) -> None:
        """Set without emitting ``edited`` (loading a note is not an edit)."""
        self.slider.blockSignals(True)
        self.slider.setValue(NOT_RECORDED if value is None else value)
        self.slider.blockSignals(False)
        self._show(self.slider.value())

    def _changed(self, raw: int) -> None:
        self._show(raw)
        self.edited.emit()

    def _show(self, raw: int) -> None:
        text = "Not recorded" if raw == NOT_RECORDED else f"{raw} / 10"
        self.label.setText(text)
        self.slider.setAccessibleDescription(text)
