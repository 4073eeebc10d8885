"""Run Python's cyclic garbage collector on the GUI thread only.

Why: the cyclic collector runs in whichever thread happens to allocate when its thresholds are
crossed, and the journal worker thread allocates a lot. A Python-owned Qt widget that became
garbage inside a reference cycle (a page holding a bound method of itself, a closed dialog) is
then destroyed *in the worker thread*, and a QWidget destroyed off the GUI thread can crash
the process (seen as a rare segfault in the UI tests; see tests/ui/test_models_gc_guard.py).

:func:`collected_on_gui_thread` switches automatic collection off around a block and collects
once, on the calling (GUI) thread, at its end. D2's UI tests wrap every test in it; the app
could do the same for its whole run with a GUI-thread timer that calls ``gc.collect()``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collected_on_gui_thread() -> Iterator[None]:
    """No automatic collection inside the block; one full collection here at its end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect()
        if was_enabled:
            gc.enable()
