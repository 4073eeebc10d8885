"""One click on the mood slider's track records the mood under the pointer, not 0."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider
from pytestqt.qtbot import QtBot

from ui.widgets.mood_slider import MoodSlider


def _x_for(slider: MoodSlider, value: int) -> int:
    inner = slider.slider
    option = QStyleOptionSlider()
    inner.initStyleOption(option)
    handle = inner.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, inner
    )
    span = inner.width() - handle.width()
    offset = QStyle.sliderPositionFromValue(inner.minimum(), inner.maximum(), value, span)
    return offset + handle.width() // 2


@pytest.mark.parametrize("wanted", [4, 7, 10])
def test_a_click_on_the_track_records_that_mood(qtbot: QtBot, wanted: int) -> None:
    mood = MoodSlider("Mood before")
    qtbot.addWidget(mood)
    mood.resize(400, 40)
    mood.show()
    qtbot.waitExposed(mood)
    assert mood.value() is None
    with qtbot.waitSignal(mood.edited):
        qtbot.mouseClick(
            mood.slider,
            Qt.MouseButton.LeftButton,
            pos=QPoint(_x_for(mood, wanted), mood.slider.height() // 2),
        )
    assert mood.value() == wanted
    assert mood.label.text() == f"{wanted} / 10"
