"""A watchdog on the GUI thread: how long the mentor's keystrokes and clicks would have waited.

A precise timer asks to fire every ``INTERVAL_MS``; whenever the GUI thread is busy it fires
late, and the lateness is a stall: the time a key press, a click or a repaint would have
waited. Each gap is labelled with the phase the script was in, so a long stall can be traced
to what the mentor was doing. The same watchdog runs in a bare Qt event loop for the same
length of time in the same benchmark run: that is the machine's own noise, the baseline.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from tests.benchmarks.stats import percentile

INTERVAL_MS = 5
#: Gaps longer than this are kept with their phase (the rest only count for the percentile).
NOTED_MS = 16.0


@dataclass
class StallLog:
    """Lateness of every tick (ms), and the phases of the long ones."""

    interval_ms: float = INTERVAL_MS
    lateness_ms: list[float] = field(default_factory=list)
    long: list[tuple[float, str]] = field(default_factory=list)
    phase: str = "start"
    _last: float | None = None

    def tick(self, now: float) -> None:
        """One timer fire at ``now`` (seconds, monotonic)."""
        if self._last is not None:
            late = max(0.0, 1000 * (now - self._last) - self.interval_ms)
            self.lateness_ms.append(late)
            if late > NOTED_MS:
                self.long.append((late, self.phase))
        self._last = now

    def skip(self) -> None:
        """Forget the last tick (the probe itself paused the loop on purpose, e.g. to quit)."""
        self._last = None


def summary(lateness_ms: Sequence[float], long: Sequence[tuple[float, str]]) -> dict[str, object]:
    """Longest stall, 99th percentile, how many went over 50 ms, and the five worst by phase."""
    if not lateness_ms:
        return {"max_ms": 0.0, "p99_ms": 0.0, "over_50ms": 0, "ticks": 0, "worst": []}
    worst = sorted(long, reverse=True)[:5]
    return {
        "max_ms": round(max(lateness_ms), 1),
        "p99_ms": round(percentile(lateness_ms, 99), 1),
        "over_50ms": sum(1 for v in lateness_ms if v > 50),
        "ticks": len(lateness_ms),
        "worst": [[round(ms, 1), phase] for ms, phase in worst],
    }


def start_watchdog(log: StallLog) -> object:
    """Start the timer in this (GUI) thread; keep the returned object alive while it runs."""
    from PySide6.QtCore import Qt, QTimer

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(int(log.interval_ms))
    timer.timeout.connect(lambda: log.tick(time.monotonic()))
    log.tick(time.monotonic())
    timer.start()
    return timer
