"""Time as an injected dependency, so tests control it and no module reads the wall clock.

Storage keeps UTC instants. Every question about *which day* something happened, or what time
to show, is asked in the mentor's own time zone through the clock's ``zone`` (a ``LocalZone``):
a session at 09:00 in Sydney on 8 December is stored as 22:00 UTC on the 7th, yet it belongs to
the 8th in every list, timeline and export.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from datetime import time as clock_time
from typing import Protocol


@dataclass(frozen=True)
class LocalZone:
    """The mentor's time zone: local days and display times for UTC instants, and back.

    ``tz=None`` follows the operating system's zone (the ``TZ`` variable or the system
    setting), with its own daylight-saving rules for each date; tests pass a ``ZoneInfo``.
    """

    tz: tzinfo | None = None

    def local(self, instant: datetime) -> datetime:
        """The instant as the mentor's wall clock shows it."""
        return instant.astimezone(self.tz)

    def day_of(self, instant: datetime) -> date:
        """The mentor's calendar day the instant falls on."""
        return self.local(instant).date()

    def instant(self, day: date, at: clock_time) -> datetime:
        """The UTC instant of the mentor's wall-clock time ``at`` on ``day``."""
        wall = datetime.combine(day, at)
        local = wall.astimezone() if self.tz is None else wall.replace(tzinfo=self.tz)
        return local.astimezone(UTC)

    def start_of(self, day: date) -> datetime:
        """The UTC instant the mentor's ``day`` begins (local midnight)."""
        return self.instant(day, clock_time())

    def span(
        self, since: date | None, until: date | None
    ) -> tuple[datetime | None, datetime | None]:
        """UTC bounds ``[start, end)`` of the local days ``since`` through ``until``, inclusive."""
        start = None if since is None else self.start_of(since)
        end = None if until is None else self.start_of(until + timedelta(days=1))
        return start, end

    def display(self, instant: datetime) -> str:
        """Day, month, year and local time: "8 December 2026, 09:00"."""
        local = self.local(instant)
        return f"{local.day} {local:%B %Y, %H:%M}"


#: The zone of the machine the program runs on.
SYSTEM_ZONE = LocalZone()
#: Coordinated Universal Time, for tests and tools that must not depend on the machine.
UTC_ZONE = LocalZone(UTC)


class Clock(Protocol):
    """The kinds of time the program needs."""

    def now(self) -> datetime:
        """Aware UTC wall-clock time, for records."""
        ...

    def monotonic(self) -> float:
        """Seconds from an arbitrary point, for timeouts and throttling."""
        ...

    @property
    def zone(self) -> LocalZone:
        """The mentor's time zone, for local days and display times."""
        ...


def local_today(clock: Clock) -> date:
    """The mentor's date today (not the UTC date, which differs for hours each day)."""
    return clock.zone.day_of(clock.now())


@dataclass
class SystemClock:
    """The real clock, in the machine's time zone unless another is given."""

    zone: LocalZone = SYSTEM_ZONE

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


@dataclass
class ManualClock:
    """A clock tests move by hand."""

    current: datetime = field(default_factory=lambda: datetime(2026, 1, 5, 9, 0, tzinfo=UTC))
    ticks: float = 0.0
    zone: LocalZone = UTC_ZONE

    def now(self) -> datetime:
        return self.current

    def monotonic(self) -> float:
        return self.ticks

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)
        self.ticks += seconds
