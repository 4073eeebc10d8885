"""The coping-plan comparison names every added, removed and moved item per section."""

from __future__ import annotations

import re

from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from ui.pages.coping_plan.diff import (
    Change,
    PlanDiffView,
    diff_items,
    diff_sections,
    render_html,
    summarise,
)


def _changes(items: tuple) -> list[tuple[Change, str]]:
    return [(i.change, i.text) for i in items]


def test_unchanged_list_is_all_kept() -> None:
    assert _changes(diff_items(["walk", "music"], ["walk", "music"])) == [
        (Change.KEPT, "walk"),
        (Change.KEPT, "music"),
    ]


def test_added_removed_and_moved_items_are_told_apart() -> None:
    result = _changes(diff_items(["walk", "music", "call Sam"], ["music", "bath", "walk"]))
    assert (Change.ADDED, "bath") in result
    assert (Change.REMOVED, "call Sam") in result
    assert (Change.MOVED, "walk") in result or (Change.MOVED, "music") in result
    assert summarise(
        diff_sections([("S", ["walk", "music", "call Sam"])], [("S", ["music", "bath", "walk"])])
    ) == ("1 added, 1 removed, 1 moved.")


def test_sections_only_in_the_older_version_show_as_removed() -> None:
    diffs = diff_sections([("Old", ["a"]), ("Kept", ["b"])], [("Kept", ["b"])])
    assert [d.title for d in diffs] == ["Kept", "Old"]
    assert not diffs[0].changed
    assert _changes(diffs[1].items) == [(Change.REMOVED, "a")]


def test_diff_view_prefixes_words_not_only_colour(qtbot: QtBot) -> None:
    view = PlanDiffView()
    qtbot.addWidget(view)
    view.show_diff(diff_sections([("S", ["old thing"])], [("S", ["new <thing>"])]))
    text = view.toPlainText()
    assert "Added: new <thing>" in text
    assert "Removed: old thing" in text
    assert view.accessibleDescription() == "1 added, 1 removed, 0 moved."
    view.clear()
    assert view.toPlainText() == ""


def test_diff_tints_blend_from_the_palette_for_dark_mode() -> None:
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor(20, 20, 20))
    html = render_html(diff_sections([("S", ["old"])], [("S", ["new"])]), dark)
    # every tint stays dark on a dark base (no light pastel backgrounds with light text)
    for red, green, blue in re.findall(r"rgb\((\d+), (\d+), (\d+)\)", html):
        assert max(int(red), int(green), int(blue)) < 90


def test_diff_tints_follow_a_switch_back_to_light(qtbot: QtBot) -> None:
    view = PlanDiffView()
    qtbot.addWidget(view)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Base, QColor(20, 20, 20))
    view.setPalette(dark)
    view.show_diff(diff_sections([("S", ["old"])], [("S", ["new"])]))
    light = QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
    view.setPalette(light)
    tints = re.findall(r"rgb\((\d+), (\d+), (\d+)\)", view.toHtml())
    tints += re.findall(r"background-color:#([0-9a-f]{6})", view.toHtml())
    assert tints
    for tint in tints:
        channels = (
            [int(tint[i : i + 2], 16) for i in (0, 2, 4)]
            if isinstance(tint, str)
            else [int(c) for c in tint]
        )
        assert min(channels) > 100, "a dark tint stayed after switching to light"
