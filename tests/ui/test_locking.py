"""Idle and system lock detection: a real D-Bus signal on a private bus locks; no bus never fails."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from mentorjournal.clock import ManualClock
from ui.locking import IdleLock, SystemLockWatcher


@pytest.fixture
def private_bus() -> Iterator[str]:
    """A throw-away D-Bus daemon (skipped where dbus-daemon is not installed)."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    process = subprocess.Popen(
        [daemon, "--session", "--nofork", "--print-address"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    try:
        yield address
    finally:
        process.terminate()
        process.wait(timeout=10)


def _send(address: str, path: str, member: str, value: bool) -> None:
    subprocess.run(
        ["dbus-send", f"--bus={address}", "--type=signal", path, member,
         f"boolean:{'true' if value else 'false'}"],
        check=True, timeout=10,
    )  # fmt: skip


def test_screensaver_and_suspend_signals_on_a_real_bus_ask_to_lock(
    qtbot: QtBot, private_bus: str
) -> None:
    from PySide6.QtDBus import QDBusConnection

    bus = QDBusConnection.connectToBus(private_bus, "mentorjournal-test-bus")
    assert bus.isConnected()
    try:
        watcher = SystemLockWatcher(session_bus=bus, system_bus=bus)
        assert watcher.available and len(watcher.sources) == 3
        reasons: list[str] = []
        watcher.system_locking.connect(reasons.append)
        _send(
            private_bus,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            False,
        )
        _send(
            private_bus,
            "/org/freedesktop/ScreenSaver",
            "org.freedesktop.ScreenSaver.ActiveChanged",
            True,
        )
        qtbot.waitUntil(lambda: reasons == ["screen locked"], timeout=5000)
        _send(
            private_bus,
            "/org/freedesktop/login1",
            "org.freedesktop.login1.Manager.PrepareForSleep",
            True,
        )
        qtbot.waitUntil(lambda: reasons == ["screen locked", "suspend"], timeout=5000)
    finally:
        QDBusConnection.disconnectFromBus("mentorjournal-test-bus")


def test_no_bus_means_unavailable_not_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
    watcher = SystemLockWatcher(session_bus=None, system_bus=None)
    assert isinstance(watcher.sources, list)  # constructed; whatever exists here, no exception


def test_idle_lock_counts_down_and_fires_once(qtbot: QtBot) -> None:
    clock = ManualClock()
    owner = QObject()
    idle = IdleLock(clock, minutes=2, parent=owner, tick_ms=10_000)
    fired: list[bool] = []
    idle.lock_due.connect(lambda: fired.append(True))
    idle.check()
    assert not fired, "not armed before an unlock"
    idle.start()
    clock.advance(119)
    idle.check()
    assert idle.remaining_seconds() == 1 and not fired
    idle.touch()
    clock.advance(119)
    idle.check()
    assert not fired, "activity restarted the period"
    clock.advance(1)
    idle.check()
    idle.check()
    assert fired == [True] and not idle.armed


class _CountingIdleLock(IdleLock):
    def __init__(self, clock: ManualClock) -> None:
        super().__init__(clock, minutes=2, tick_ms=10_000)
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return super().eventFilter(watched, event)


def test_idle_lock_watches_input_only_while_armed(qtbot: QtBot) -> None:
    clock = ManualClock()
    idle = _CountingIdleLock(clock)
    edit = QLineEdit()
    qtbot.addWidget(edit)
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert idle.seen == 0, "no event passes through Python while locked"
    idle.start()
    clock.advance(100)
    qtbot.keyClick(edit, Qt.Key.Key_B)
    assert idle.seen > 0 and idle.remaining_seconds() == 120, "typing restarted the period"
    idle.stop()
    seen = idle.seen
    qtbot.keyClick(edit, Qt.Key.Key_C)
    assert idle.seen == seen


def test_preparing_for_a_window_does_not_start_watching(qtbot: QtBot) -> None:
    idle = _CountingIdleLock(ManualClock())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    idle.prepare_for(edit)
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert idle.seen == 0 and not idle.armed
