"""While the mentor types the passphrase, the worker loads what unlocking needs (once)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import LockedVault
from ui import controller as controller_module
from ui.controller import AppController, State

Factory = Callable[..., AppController]


def test_unlock_window_warms_up_the_unlock_path_once(
    qtbot: QtBot, make_controller: Factory, locked_vault: LockedVault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    controller = make_controller(locked_vault.paths)
    prepared: list[Any] = []
    monkeypatch.setattr(controller.worker, "prepare", prepared.append)
    controller.start()
    assert controller.state is State.UNLOCK
    assert prepared == []  # not before the first paint
    qtbot.waitUntil(lambda: prepared == [controller_module._import_unlock_path], timeout=5000)
    controller.show_unlock("again")
    qtbot.wait(2 * controller_module.WARM_UP_DELAY_MS)
    assert len(prepared) == 1
