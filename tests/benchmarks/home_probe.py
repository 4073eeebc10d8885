"""``home_ms``: how long after unlock the caseload home shows its rows, in the real app.

``python -m tests.benchmarks.home_probe VAULT PASSFILE`` starts the app on ``VAULT``, unlocks
through the controller as the unlock window does, and prints ``result {"home_ms": ...,
"home_after_shown_ms": ...}``: milliseconds from the KDF's return (the vault is unlocked) to the
home page's caseload table filled and the event loop past its paint, and from the main window
shown to the same moment. ``measure_home`` runs the probe ``runs`` times in fresh processes
and returns the medians, for ``tests.benchmarks.run``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TYPING_MS = 1000


def probe(vault: str, pass_file: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    import ui.controller as controller_module
    from mentorjournal.vault import kdf
    from ui import app as app_module

    passphrase = Path(pass_file).read_text(encoding="utf-8").splitlines()[0]
    moments: dict[str, float] = {}
    derive = kdf.derive_key

    def timed_derive(*args: Any, **kwargs: Any) -> Any:
        try:
            return derive(*args, **kwargs)
        finally:
            moments["kdf_end"] = time.perf_counter()

    kdf.derive_key = timed_derive  # type: ignore[assignment]
    original = controller_module.AppController.start

    def start(self: Any) -> None:
        original(self)
        QTimer.singleShot(TYPING_MS, lambda: run(self))

    def run(ctl: Any) -> None:
        def shown() -> None:
            moments["shown"] = time.perf_counter()
            # The page as built, not ``main_window.page``: that builds every other page first.
            home = ctl.window("main").built_page("home")
            if home.caseload_model.rowCount() > 0:
                QTimer.singleShot(0, done)
            else:
                home.loaded.connect(lambda: QTimer.singleShot(0, done))

        def done() -> None:
            end = time.perf_counter()
            result = {
                "home_ms": round((end - moments["kdf_end"]) * 1000, 1),
                "home_after_shown_ms": round((end - moments["shown"]) * 1000, 1),
            }
            print("result", json.dumps(result), flush=True)
            QApplication.quit()

        ctl.unlocked.connect(shown)
        ctl.unlock(passphrase, False)

    controller_module.AppController.start = start  # type: ignore[method-assign]
    return app_module.main(["--vault", vault])


def measure_home(
    vault_dir: Path, pass_file: Path, env: dict[str, str], runs: int = 5
) -> dict[str, float]:
    """Median ``home_ms`` and ``home_after_shown_ms`` over ``runs`` fresh app processes."""
    found: dict[str, list[float]] = {"home_ms": [], "home_after_shown_ms": []}
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.home_probe", str(vault_dir), str(pass_file)],
            capture_output=True, text=True, env=env, timeout=300, check=True,
        )  # fmt: skip
        line = next(x for x in done.stdout.splitlines() if x.startswith("result "))
        for key, value in json.loads(line.removeprefix("result ")).items():
            found[key].append(float(value))
    return {key: sorted(values)[len(values) // 2] for key, values in found.items()}


if __name__ == "__main__":
    sys.exit(probe(*sys.argv[1:]))
