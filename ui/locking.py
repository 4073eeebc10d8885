"""When to lock: after N idle minutes, and when the desktop locks the screen or suspends.

Why here and not in the main window: locking must work whatever view is open, so idleness is
observed with one application-wide event filter, and time comes from an injected
:class:`~mentorjournal.clock.Clock` so tests move it by hand instead of waiting minutes.
The D-Bus watcher is best-effort: on a machine without a session or system bus (Windows,
macOS, CI) it simply reports ``available == False`` and never raises.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from PySide6.QtCore import SLOT, QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

from mentorjournal.clock import Clock

log = logging.getLogger(__name__)

#: Input that counts as the mentor being present.
_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.InputMethod,
    }
)


class IdleLock(QObject):
    """Emits ``lock_due`` once the user has been idle for ``minutes``.

    ``remaining_changed(seconds)`` feeds the status bar countdown. The timer only samples the
    injected clock; ``check()`` is public so a test can advance a ManualClock and check now.
    """

    lock_due = Signal()
    remaining_changed = Signal(int)

    def __init__(
        self, clock: Clock, minutes: int, parent: QObject | None = None, tick_ms: int = 1000
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._minutes = minutes
        self._last = clock.monotonic()
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check)

    @property
    def minutes(self) -> int:
        return self._minutes

    @property
    def armed(self) -> bool:
        return self._armed

    def set_minutes(self, minutes: int) -> None:
        self._minutes = minutes
        self.check()

    def start(self) -> None:
        """Arm the lock (after an unlock) and start watching the user's input."""
        self._armed = True
        self.touch()
        self._timer.start()
        self._watch_input(True)

    def stop(self) -> None:
        """Disarm (while locked there is nothing to protect) and stop watching input.

        Watching means every event of the application passes through ``eventFilter`` in
        Python; while locked that bought nothing and, at start, cost ~15 ms of converting
        Qt objects the unlock window makes into Python types nobody uses.
        """
        self._armed = False
        self._timer.stop()
        self._watch_input(False)

    def _watch_input(self, on: bool) -> None:
        app = QCoreApplication.instance()
        if app is None:
            return
        if on:
            app.installEventFilter(self)  # Qt ignores a second install of the same filter
        else:
            app.removeEventFilter(self)

    def prepare_for(self, window: QObject) -> None:
        """Make the first watched events after an unlock as cheap as the rest, without watching.

        The filter receives every object an event is sent to, including Qt's internal ones
        (a table's corner button, the animation timer) that Python has no class for yet. The
        first such object makes PySide6 resolve its type, and with it the types and enums it
        loads lazily: ~20 ms on the GUI thread, paid on the first show after unlock unless it
        is paid here. Asking for ``window``'s children once resolves the same types while the
        vault is still locked; the filter itself stays off until :meth:`start`.
        """
        window.findChildren(QObject)

    def touch(self) -> None:
        """The user did something: restart the idle period."""
        self._last = self._clock.monotonic()

    def remaining_seconds(self) -> int:
        idle = self._clock.monotonic() - self._last
        return max(0, math.ceil(self._minutes * 60 - idle))

    @Slot()
    def check(self) -> None:
        if not self._armed:
            return
        remaining = self.remaining_seconds()
        self.remaining_changed.emit(remaining)
        if remaining <= 0:
            self.stop()
            self.lock_due.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() in _ACTIVITY:
            self._last = self._clock.monotonic()
        return False


class SystemLockWatcher(QObject):
    """Emits ``system_locking`` when the screen saver activates or the machine prepares to sleep."""

    system_locking = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        session_bus: Any = None,
        system_bus: Any = None,
    ) -> None:
        """Watch the given buses (tests pass private ones), else the user's session and system bus."""
        super().__init__(parent)
        self.sources: list[str] = []
        self._connect(session_bus, system_bus)

    @property
    def available(self) -> bool:
        return bool(self.sources)

    def _connect(self, session_bus: Any, system_bus: Any) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # pragma: no cover - QtDBus ships with PySide6-Essentials
            return
        session = session_bus if session_bus is not None else _bus(QDBusConnection.sessionBus)
        system = system_bus if system_bus is not None else _bus(QDBusConnection.systemBus)
        # Any sender may tell us the screen locked: the only effect is locking, which is safe.
        watches = (
            (session, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged", "_on_screensaver(bool)"),
            (session, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged", "_on_screensaver(bool)"),
            (system, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep", "_on_sleep(bool)"),
        )  # fmt: skip
        for bus, path, interface, signal, slot in watches:
            if bus is None:
                continue
            try:
                if bus.connect("", path, interface, signal, self, SLOT(slot)):
                    self.sources.append(f"{interface}.{signal}")
            except Exception as exc:  # never fail start-up because of D-Bus
                log.debug("D-Bus watch %s unavailable: %s", interface, type(exc).__name__)

    @Slot(bool)
    def _on_screensaver(self, active: bool) -> None:
        if active:
            self.system_locking.emit("screen locked")

    @Slot(bool)
    def _on_sleep(self, starting: bool) -> None:
        if starting:
            self.system_locking.emit("suspend")


def _bus(factory: Any) -> Any:
    """A connected bus from ``factory`` or None (no bus on this machine, e.g. CI or Windows)."""
    try:
        bus = factory()
    except Exception:
        return None
    return bus if bus.isConnected() else None
