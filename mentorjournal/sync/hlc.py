"""A hybrid logical clock: wall-clock milliseconds with a counter, packed in one integer.

Ordering operations by wall time alone breaks when two computers disagree about the time;
ordering by a counter alone loses the meaning of "later". The hybrid clock never goes
backwards, moves past every stamp it has seen from other devices, and stays close to real
time, so "last writer wins" means what the mentor expects. A stamp from a device whose clock
runs far ahead is not adopted (it would drag this device's clock into the future with it);
the caller reports that device's clock instead.
"""

from __future__ import annotations

COUNTER_BITS = 16
COUNTER_MAX = (1 << COUNTER_BITS) - 1
#: A remote stamp further ahead of this computer's clock than this is not adopted.
MAX_AHEAD_MS = 60 * 60 * 1000


def pack(wall_ms: int, counter: int) -> int:
    return (wall_ms << COUNTER_BITS) | counter


def wall_ms(stamp: int) -> int:
    return stamp >> COUNTER_BITS


def next_stamp(last: int, now_ms: int) -> int:
    """The stamp for a local event after ``last``, at physical time ``now_ms``."""
    last_wall, last_counter = wall_ms(last), last & COUNTER_MAX
    if now_ms > last_wall:
        return pack(now_ms, 0)
    if last_counter < COUNTER_MAX:
        return pack(last_wall, last_counter + 1)
    return pack(last_wall + 1, 0)


def ahead_by_ms(remote: int, now_ms: int) -> int:
    """How far a remote stamp is ahead of this computer's clock (0 when it is not)."""
    return max(0, wall_ms(remote) - now_ms)


def observe(last: int, remote: int, now_ms: int) -> int:
    """This device's clock after seeing ``remote``; a stamp far ahead is not adopted."""
    if ahead_by_ms(remote, now_ms) > MAX_AHEAD_MS:
        return last
    return max(last, remote)
