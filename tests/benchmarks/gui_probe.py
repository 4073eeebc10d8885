"""The real app in a child process, driven as a mentor drives it, timed where the mentor waits.

``paint VAULT``: print ``painted <t>`` once the unlock window has painted for the first time
and ``keys <t>`` once a key pressed at that moment has reached the passphrase field (``t`` is
``time.monotonic()``, the clock the parent started the process by; ``bare_qt paint`` prints
the same two lines for a bare window with one line edit).

``script VAULT PLAN``: a scripted mentor (``PLAN`` is a JSON file written by ``run.py``) types
the passphrase key by key and presses Enter, searches at once, opens the biggest mentee, writes
a 300-word note with autosave on, moves between mentees and pages, searches several times and
prepares and exports the supervision summary, while a watchdog on the GUI thread records every
stall. Prints one ``result <json>`` line: stalls (longest, p99, the worst by phase), last
keystroke -> results painted for each search, the summary's preview and export wall time, and
resident memory at the end.
"""

from __future__ import annotations

import cProfile
import gc
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtTest import QTest

import ui.controller as controller_module
import ui.prompts as prompts_module
from tests.benchmarks.paint import PaintFilter, report_keys
from tests.benchmarks.watchdog import StallLog, start_watchdog, summary
from ui import app as app_module

#: Milliseconds between keystrokes: a quick typist, under the search box's debounce.
KEY_MS = 100
#: Between words of the note (a fast typist's word rate), with a pause every 50 words.
WORD_MS = 60
PAUSE_EVERY_WORDS = 50
PAUSE_MS = 1200
PAGE_MS = 300
RESULTS_TIMEOUT_MS = 5000

_keep: list[Any] = []  # Qt objects the script must keep alive


def _print(*parts: object) -> None:
    print(*parts, flush=True)


def after(ms: int, fn: Callable[[], None]) -> None:
    QTimer.singleShot(ms, fn)


def wait_until(cond: Callable[[], bool], then: Callable[[], None], poll_ms: int = 10) -> None:
    """Poll ``cond`` on the GUI thread (cheap checks only) and call ``then`` once it holds."""

    def check() -> None:
        if cond():
            then()
        else:
            after(poll_ms, check)

    check()


def current_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def type_text(widget: Any, text: str, then: Callable[[], None], key_ms: int = KEY_MS) -> None:
    """Type ``text`` one key at a time into ``widget``; ``then`` right after the last key."""
    chars = list(text)

    def key() -> None:
        QTest.keyClicks(widget, chars.pop(0))
        if chars:
            after(key_ms, key)
        else:
            then()

    key()


def probe_paint(vault: str) -> int:
    original = controller_module.AppController.start

    def start(self: Any) -> None:
        original(self)
        window = self.unlock_window
        _keep.append(PaintFilter(window, lambda: report_keys(window.secret)))

    controller_module.AppController.start = start  # type: ignore[method-assign]
    return app_module.main(["--vault", vault])


class GcPauses:
    """Every cyclic garbage collection on the GUI thread (where the app runs them all, see
    ``ui.gc_guard``): how long it held the thread, and in which step. Tells how much of a
    stall the watchdog saw was the collector."""

    def __init__(self, log: StallLog) -> None:
        self._log = log
        self._start = 0.0
        self.pauses: list[tuple[float, int, str]] = []
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, event: str, info: dict[str, int]) -> None:
        if event == "start":
            self._start = time.perf_counter()
            return
        ms = 1000 * (time.perf_counter() - self._start)
        self.pauses.append((ms, info["generation"], self._log.phase))

    def stop(self) -> dict[str, Any]:
        gc.callbacks.remove(self._on_gc)
        worst = sorted(self.pauses, reverse=True)
        return {
            "max_ms": round(worst[0][0], 1) if worst else 0.0,
            "total_ms": round(sum(ms for ms, _g, _p in worst), 1),
            "count": len(worst),
            "worst": [[round(ms, 1), gen, phase] for ms, gen, phase in worst[:5]],
        }


class Script:
    """The scripted mentor. Each step ends by calling the next; ``log.phase`` names the step."""

    def __init__(self, ctl: Any, plan: dict[str, Any], prompts: Any) -> None:
        self.ctl = ctl
        self.plan = plan
        self.prompts = prompts
        self.log = StallLog()
        self.out: dict[str, Any] = {"searches": []}
        self._t0 = time.monotonic()
        self._profile: cProfile.Profile | None = None
        _keep.append(start_watchdog(self.log))
        self.gc = GcPauses(self.log)

    def phase(self, name: str) -> None:
        """Name the step (stalls are reported by it). ``BENCH_PROFILE_PHASE=name`` profiles the
        GUI thread during that step into ``BENCH_PROFILE_OUT`` (for finding what stalls)."""
        wanted = os.environ.get("BENCH_PROFILE_PHASE")
        if self._profile is not None and self.log.phase == wanted:
            self._profile.disable()
            self._profile.dump_stats(os.environ.get("BENCH_PROFILE_OUT", "gui-phase.prof"))
            self._profile = None
        self.log.phase = name
        if name == wanted:
            self._profile = cProfile.Profile()
            self._profile.enable()

    # -- unlock --------------------------------------------------------------------------
    def begin(self) -> None:
        self.phase("type passphrase")
        window = self.ctl.unlock_window
        after(300, lambda: type_text(window.secret, self.plan["passphrase"], self.press_enter))

    def press_enter(self) -> None:
        self.phase("unlock")
        self._t_unlock = time.monotonic()
        main_ready: list[bool] = []
        self.ctl.unlocked.connect(lambda: main_ready.append(True))
        QTest.keyClick(self.ctl.unlock_window.secret, Qt.Key.Key_Return)
        wait_until(
            lambda: bool(main_ready) and self.ctl.window("main").mentees.rowCount() > 0,
            self.unlocked,
        )

    def unlocked(self) -> None:
        self.out["unlock_typed_s"] = round(time.monotonic() - self._t_unlock, 4)
        self.main = self.ctl.main_window
        self.phase("first search after unlock")
        queries = list(self.plan["queries"])
        self.search(queries[:1], first=True, then=self.open_mentee)

    # -- search ----------------------------------------------------------------------------
    def search(self, queries: list[str], first: bool, then: Callable[[], None]) -> None:
        dialog = self.main.open_search()
        pending = list(queries)

        def one() -> None:
            if not pending:
                dialog.hide()
                then()
                return
            text = pending.pop(0)
            dialog.query_edit.clear()
            dialog.model.clear()
            shown: list[int] = []

            def on_shown(count: int) -> None:
                if dialog.query_edit.text().strip() == text and not shown:
                    shown.append(count)
                    _keep.append(PaintFilter(dialog.results.viewport(), lambda: done(count)))

            def done(count: int) -> None:
                dialog.results_shown.disconnect(on_shown)
                ms = 1000 * (time.monotonic() - self._t_key)
                self.out["searches"].append(
                    {"query": text, "ms": round(ms, 1), "rows": count, "first": first}
                )
                after(PAGE_MS, one)

            def typed() -> None:
                self._t_key = time.monotonic()

            dialog.results_shown.connect(on_shown)
            type_text(dialog.query_edit, text, typed)

        after(PAGE_MS, one)

    # -- editing ---------------------------------------------------------------------------
    def open_mentee(self) -> None:
        self.phase("open mentee")
        self.main.select_mentee(self.plan["mentees"][0])
        tab = self.main.show_mentee_tab("sessions")
        wait_until(lambda: tab.model.rowCount() > 0, lambda: self.write_note(tab))

    def write_note(self, tab: Any) -> None:
        self.phase("new note")
        before = tab.editor.note_id
        self.main.new_note()

        def ready() -> bool:
            return bool(tab.editor.note_id not in (None, before) and tab.editor.sections.editors())

        def typing() -> None:
            self.phase("type note (autosave)")
            editor = tab.editor.sections.editors()[0]
            editor.setFocus()
            words = self.plan["note_words"]
            count = [0]

            def word() -> None:
                if count[0] >= len(words):
                    after(1500, self.switch_mentees)  # autosave's last save lands
                    return
                QTest.keyClicks(editor, words[count[0]] + " ")
                count[0] += 1
                pause = PAUSE_MS if count[0] % PAUSE_EVERY_WORDS == 0 else WORD_MS
                after(pause, word)

            word()

        wait_until(ready, typing)

    # -- moving around ---------------------------------------------------------------------
    def switch_mentees(self) -> None:
        self.phase("switch mentees")
        others = list(self.plan["mentees"][1:])

        def next_mentee() -> None:
            if not others:
                self.switch_pages()
                return
            self.main.select_mentee(others.pop(0))
            tab = self.main.show_mentee_tab("sessions")
            wait_until(lambda: tab.model.rowCount() > 0, lambda: after(PAGE_MS, next_mentee))

        next_mentee()

    def switch_pages(self) -> None:
        self.phase("switch pages")
        steps: list[Callable[[], Any]] = [
            lambda key=key: self.main.show_mentee_tab(key)
            for key in ("goals", "coping_plan", "people", "resources", "sessions")
        ]
        steps += [
            lambda key=key: self.main.show_area(key) for key in ("reflection", "supervision", "cpd")
        ]

        def step() -> None:
            if not steps:
                self.phase("search")
                self.search(list(self.plan["queries"][1:]), first=False, then=self.summary)
                return
            steps.pop(0)()
            after(PAGE_MS, step)

        step()

    # -- supervision summary ---------------------------------------------------------------
    def summary(self) -> None:
        self.phase("summary preview")
        dialog = self.main.open_supervision_preview()
        dialog.prompts = self.prompts
        summary_plan = self.plan["summary"]
        codes = set(summary_plan["codes"])

        def listed() -> bool:
            return dialog.mentee_list.count() > 0

        def choose() -> None:
            start = QDate.fromString(summary_plan["start"], Qt.DateFormat.ISODate)
            end = QDate.fromString(summary_plan["end"], Qt.DateFormat.ISODate)
            dialog.from_edit.setDate(start)
            dialog.to_edit.setDate(end)
            for row in range(dialog.mentee_list.count()):
                item = dialog.mentee_list.item(row)
                if item.data(Qt.ItemDataRole.UserRole) in codes:
                    item.setCheckState(Qt.CheckState.Checked)
            t0 = time.monotonic()
            dialog.refresh()
            wait_until(lambda: dialog.draft is not None, lambda: previewed(t0))

        def previewed(t0: float) -> None:
            self.out["summary_preview_s"] = round(time.monotonic() - t0, 3)
            self.out["summary_notes"] = sum(
                1 for b in dialog.draft.blocks if str(b.kind).lower().endswith("note")
            )
            self.phase("summary export")
            self.prompts.script("confirm", True)  # export even if the banner warns
            self.prompts.script("save_file", self.plan["export_path"])
            t1 = time.monotonic()
            dialog.export()
            wait_until(
                lambda: dialog.status_label.text().startswith(("Exported", "The summary was not")),
                lambda: exported(t1),
            )

        def exported(t1: float) -> None:
            self.out["summary_export_s"] = round(time.monotonic() - t1, 3)
            self.out["summary_export_status"] = dialog.status_label.text()
            dialog.hide()
            after(500, self.finish)

        wait_until(listed, choose)

    def finish(self) -> None:
        self.phase("finished")  # ends (and writes) a profile of the last step
        self.out["gc_pauses"] = self.gc.stop()
        gc.collect()
        self.out["rss_after_session_mib"] = round(current_rss_mib(), 1)
        self.out["stalls"] = summary(self.log.lateness_ms, self.log.long)
        phases: dict[str, float] = {}
        for ms, phase in self.log.long:
            phases[phase] = round(max(phases.get(phase, 0.0), ms), 1)
        self.out["stall_max_by_phase"] = phases
        self.out["script_s"] = round(time.monotonic() - self._t0, 1)
        _print("result", json.dumps(self.out))
        from PySide6.QtWidgets import QApplication

        QApplication.quit()


def probe_script(vault: str, plan_file: str) -> int:
    plan = json.loads(Path(plan_file).read_text(encoding="utf-8"))
    scripted = prompts_module.ScriptedPrompts()
    prompts_module.QtPrompts = lambda *_a, **_k: scripted  # type: ignore[assignment,misc]
    original = controller_module.AppController.start

    def start(self: Any) -> None:
        script = Script(self, plan, scripted)
        _keep.append(script)
        original(self)
        script.begin()

    controller_module.AppController.start = start  # type: ignore[method-assign]
    return app_module.main(["--vault", vault])


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    sys.exit(probe_paint(*rest) if mode == "paint" else probe_script(*rest))
