"""The real app in a child process, reporting the moments the benchmarks need on stdout.

``start VAULT``: print ``ready`` once the unlock window is shown and the event loop idle (the
bare-Qt baseline prints the same line at the same moment). ``session VAULT MENTEE_ID PASSFILE
QUERIES``: unlock through the controller as the unlock window does, then report
``unlock <s>`` (unlock requested -> main window's mentee list populated), ``kdf_in_app <s>``
and ``after_kdf <s>`` (the same unlock split where Argon2id returns: the app's own share,
free of the KDF's 10-30% run-to-run variation on a small machine), ``open_list <s>``
(unlocked -> biggest mentee selected and its session list shown), run the searches through the
worker as the search dialog does, and report ``rss_mib`` (the highest resident memory sampled
after unlock: list shown, each search) and ``rss_peak_with_kdf_mib`` (lifetime peak).
``pasted VAULT PASSFILE``: the same unlock the moment the unlock window has painted.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

import ui.controller as controller_module
from ui import app as app_module

#: How long the probe "types" before it presses Unlock (a passphrase of 15+ characters takes
#: a person several seconds; one is a conservative stand-in).
TYPING_MS = 1000


def _print(*parts: object) -> None:
    print(*parts, flush=True)


def current_rss_mib() -> float:
    """Resident memory now (VmRSS). The lifetime peak (ru_maxrss) would include Argon2id's
    256 MiB working memory, which is freed when the KDF returns; it is reported separately."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_samples: list[float] = []


def _quit_when_idle() -> None:
    from PySide6.QtWidgets import QApplication

    def ready() -> None:
        _print("ready")
        QApplication.quit()

    QTimer.singleShot(0, ready)


def probe_start(vault: str) -> int:
    original = controller_module.AppController.start

    def start(self: Any) -> None:
        original(self)
        _quit_when_idle()

    controller_module.AppController.start = start  # type: ignore[method-assign]
    return app_module.main(["--vault", vault])


def _when_filled(model: Any, then: Any) -> None:
    """Call ``then`` once ``model`` has rows, after the events already queued (the paint).

    Event-driven on purpose: an earlier version polled every millisecond on the GUI thread,
    and that polling competed with the KDF for the CPU it was measuring.
    """
    fired: list[bool] = []

    def check(*_args: object) -> None:
        if not fired and model.rowCount() > 0:
            fired.append(True)
            QTimer.singleShot(0, then)

    model.modelReset.connect(check)
    model.rowsInserted.connect(check)
    check()


def _time_kdf(moments: dict[str, float]) -> None:
    """Note when the unlock's Argon2id starts and returns (a wrapper: the KDF runs unchanged)."""
    from mentorjournal.vault import kdf

    derive = kdf.derive_key

    def timed_derive(*args: Any, **kwargs: Any) -> Any:
        moments["kdf_start"] = time.perf_counter()
        try:
            return derive(*args, **kwargs)
        finally:
            moments["kdf_end"] = time.perf_counter()

    kdf.derive_key = timed_derive  # type: ignore[assignment]


def probe_session(vault: str, mentee_id: str, pass_file: str, queries_file: str) -> int:
    from PySide6.QtWidgets import QApplication

    passphrase = Path(pass_file).read_text(encoding="utf-8").splitlines()[0]
    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))
    original = controller_module.AppController.start
    kdf_moments: dict[str, float] = {}
    _time_kdf(kdf_moments)

    def start(self: Any) -> None:
        original(self)
        # A person types the passphrase before pressing Unlock; the app uses that time.
        QTimer.singleShot(TYPING_MS, lambda: _run(self))

    def _run(ctl: Any) -> None:
        t0 = time.perf_counter()
        # The window as shown: ``main_window`` would first build the pages the app builds
        # after its first paint, inside the measured time.
        ctl.unlocked.connect(
            lambda: _when_filled(ctl.window("main").mentees, lambda: unlocked(ctl))
        )
        ctl.unlock(passphrase, False)

        def unlocked(ctl: Any) -> None:
            t1 = time.perf_counter()
            _print("unlock", t1 - t0)
            _print("kdf_in_app", kdf_moments["kdf_end"] - kdf_moments["kdf_start"])
            _print("after_kdf", t1 - kdf_moments["kdf_end"])
            _samples.append(current_rss_mib())
            main = ctl.main_window
            main.select_mentee(mentee_id)
            tab = main.show_mentee_tab("sessions")
            _when_filled(tab.model, lambda: listed(t1, main))

        def listed(t1: float, main: Any) -> None:
            _print("open_list", time.perf_counter() - t0 - (t1 - t0))
            _samples.append(current_rss_mib())
            remaining = list(queries)

            def next_query(_result: object = None) -> None:
                _samples.append(current_rss_mib())
                if not remaining:
                    _print("rss_mib", max(_samples))
                    _print(
                        "rss_peak_with_kdf_mib",
                        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                    )
                    QApplication.quit()
                    return
                q = remaining.pop()
                main.worker.query(lambda j: j.search(q, limit=50), next_query)

            next_query()

    controller_module.AppController.start = start  # type: ignore[method-assign]
    return app_module.main(["--vault", vault])


def probe_pasted(vault: str, pass_file: str) -> int:
    """Unlock the moment the unlock window has painted (a pasted passphrase and Enter): the
    warm-up the typing time normally hides has not run. Reports ``unlock``, ``kdf_in_app``
    and ``after_kdf`` as the session probe does, then quits."""
    from PySide6.QtWidgets import QApplication

    from tests.benchmarks.paint import PaintFilter

    passphrase = Path(pass_file).read_text(encoding="utf-8").splitlines()[0]
    original = controller_module.AppController.start
    kdf_moments: dict[str, float] = {}
    _time_kdf(kdf_moments)
    keep: list[object] = []

    def start(self: Any) -> None:
        original(self)
        keep.append(PaintFilter(self.unlock_window, lambda: _run(self)))

    def _run(ctl: Any) -> None:
        t0 = time.perf_counter()

        def unlocked() -> None:
            t1 = time.perf_counter()
            _print("unlock", t1 - t0)
            _print("kdf_in_app", kdf_moments["kdf_end"] - kdf_moments["kdf_start"])
            _print("after_kdf", t1 - kdf_moments["kdf_end"])
            QApplication.quit()

        ctl.unlocked.connect(lambda: _when_filled(ctl.window("main").mentees, unlocked))
        ctl.unlock_window.secret.setText(passphrase)
        ctl.unlock_window.submit()

    controller_module.AppController.start = start  # type: ignore[method-assign]
    return app_module.main(["--vault", vault])


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    probes = {"start": probe_start, "session": probe_session, "pasted": probe_pasted}
    sys.exit(probes[mode](*rest))
