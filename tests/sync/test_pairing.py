"""Joining with a pairing code instead of the recovery key: the new computer shows a code, a
computer already in the journal approves exactly that code, and only that key can open it."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentorjournal.journal import Journal
from mentorjournal.paths import VaultPaths
from mentorjournal.sync import pairing
from mentorjournal.sync.errors import SyncError
from tests.fixtures.journal_fixtures import make_mentee, make_note
from tests.fixtures.vault_fixtures import REPO_ROOT, TEST_KDF, TEST_PASSPHRASE, cli_command
from tests.sync.harness import Device, Net, contents


@pytest.fixture
def first(tmp_path: Path, fast_kdf: object) -> Iterator[tuple[Net, Device]]:
    net = Net(tmp_path)
    device = net.first("a", lambda j: make_note(j, make_mentee(j, "M-001"), text="Paired words"))
    yield net, device
    for d in net.devices.values():
        d.journal.lock()


def test_a_code_approved_on_one_computer_lets_the_other_join(
    first: tuple[Net, Device], tmp_path: Path
) -> None:
    net, a = first
    pending = pairing.request(a.view, net.journal_id, tmp_path / "staging")
    assert list((tmp_path / "staging").iterdir()) == []  # nothing left outside the folder
    assert pairing.answer(a.view, net.journal_id, pending) is None
    assert a.journal.sync_approve(pending.code.lower().replace("-", " ")).value
    key = pairing.answer(a.view, net.journal_id, pending)
    assert key is not None
    pairing.withdraw(pending)
    state = tmp_path / "state-new"
    state.mkdir()
    new, _recovery = Journal.create(
        VaultPaths(tmp_path / "vault-new"), TEST_PASSPHRASE, clock=a.clock, state_dir=state,
        kdf=TEST_KDF,
    )  # fmt: skip
    try:
        new.sync_adopt(a.view, net.journal_id, key, None)
        assert new.search("Paired")
        assert contents(new) == contents(a.journal)
    finally:
        new.lock()
    answer_file = next(a.view.rglob("pairing-*.key")).read_bytes()
    assert b"Paired" not in answer_file and bytes(key).hex().encode() not in answer_file


def test_a_wrong_code_or_two_requests_with_one_code_approve_nothing(
    first: tuple[Net, Device], tmp_path: Path
) -> None:
    net, a = first
    pending = pairing.request(a.view, net.journal_id, tmp_path / "staging")
    with pytest.raises(SyncError, match="No pairing request"):
        a.journal.sync_approve("AAAAA-AAAAA")
    with pytest.raises(SyncError, match="letters and digits"):
        a.journal.sync_approve("123")
    body = json.loads(pending.path.read_bytes())
    body["request"] = "00000000-0000-4000-8000-000000000000"
    twin = pending.path.with_name(f"{body['request']}.request")
    twin.write_text(json.dumps(body))  # someone posted a request showing the same code
    with pytest.raises(SyncError, match="More than one"):
        a.journal.sync_approve(pending.code)
    assert not list(a.view.rglob("pairing-*.key"))


def test_sync_pair_on_the_command_line(first: tuple[Net, Device], tmp_path: Path) -> None:
    _net, a = first
    secret = tmp_path / "new-passphrase.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")
    new_vault = tmp_path / "vault-paired"
    process = subprocess.Popen(
        cli_command(
            "sync", "pair", "--folder", a.view, "--vault", new_vault,
            "--passphrase-file", secret, "--wait", "120",
        ),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO_ROOT, text=True,
        env={**os.environ},
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first_line = process.stdout.readline()
        assert first_line.startswith("Pairing code: ")
        a.journal.sync_approve(first_line.split(": ", 1)[1].strip())
        out, err = process.communicate(timeout=180)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Joined journal" in out and "recovery key" in out
    assert not list(a.view.rglob("*.request"))  # the request was withdrawn
    assert (new_vault / "vault.key").exists()
