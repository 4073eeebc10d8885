"""A missing X11/xcb library is named as a package to install, in one line, before Qt starts."""

from __future__ import annotations

import argparse

import pytest

from ui import app, system_libs
from ui.system_libs import XCB_LIBRARIES, check, missing_packages, uses_xcb


def test_every_library_loads_here() -> None:
    assert missing_packages() == []


def test_a_missing_library_names_its_package_in_one_line() -> None:
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    line = check({"DISPLAY": ":0"}, loads=lambda so: so not in gone)
    assert line is not None
    assert "\\n" not in line
    assert line.endswith("sudo apt-get install libxcb-icccm4 libxcb-keysyms1")


def test_only_the_xcb_platform_is_checked() -> None:
    assert uses_xcb({}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({}, "darwin")
    assert check({"QT_QPA_PLATFORM": "offscreen"}, loads=lambda _so: False) is None


def test_the_package_list_has_the_two_that_were_missing_on_a_fresh_debian() -> None:
    packages = set(XCB_LIBRARIES.values())
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0"} <= packages


def test_run_gui_prints_the_advice_and_starts_no_qt(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(system_libs, "_loads", lambda so: so != "libxcb-icccm.so.4")
    code = app.run_gui(argparse.Namespace(vault=None, demo=False), ["mentorjournal-gui"])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.endswith("sudo apt-get install libxcb-icccm4")
    assert len(err.splitlines()) == 1
