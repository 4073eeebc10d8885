"""Secrets and note text never reach logs, error messages or crash output; core dumps are off.

Every logger is opened at DEBUG while a vault is created, unlocked with a wrong and then the
right passphrase, written to, searched and locked; neither the passphrase, the recovery key nor
the note's canary text may appear in any record, exception message or CLI output.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from mentorjournal.cli import main as cli_main
from mentorjournal.domain.notes import FREE_SECTION
from mentorjournal.errors import WrongPassphrase
from mentorjournal.journal import Journal
from tests.fixtures.vault_fixtures import REPO_ROOT, CreatedVault


def test_no_secret_or_content_in_logs_or_errors(
    new_vault: CreatedVault, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    canary = f"zqsecretcanary{uuid.uuid4().hex[:8]}"
    wrong = new_vault.passphrase + " but wrong"
    journal = Journal(new_vault.vault.connection, new_vault.clock, vault=new_vault.vault)
    mentee = journal.add_mentee("M-007", first_name=canary).value
    journal.new_note(mentee.id, sections={FREE_SECTION: f"notes about {canary}"})
    journal.search(canary)
    journal.lock()
    with pytest.raises(WrongPassphrase) as failure:
        Journal.open(new_vault.paths, wrong, clock=new_vault.clock, state_dir=new_vault.state_dir)
    reopened = Journal.open(
        new_vault.paths, new_vault.passphrase, clock=new_vault.clock, state_dir=new_vault.state_dir
    )
    reopened.lock()
    secrets = [new_vault.passphrase, wrong, new_vault.recovery_key, canary]
    texts = [caplog.text, str(failure.value), repr(failure.value)]
    for secret in secrets:
        assert all(secret not in text for text in texts)


def test_cli_errors_never_echo_the_passphrase(new_vault: CreatedVault, tmp_path: Path) -> None:
    new_vault.vault.lock()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("an entirely wrong passphrase here\n", encoding="utf-8")
    args = ["--vault", str(new_vault.paths.root), "verify", "--passphrase-file", str(wrong)]
    done = subprocess.run(
        [sys.executable, "-m", "mentorjournal.cli", *args],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    assert "entirely wrong" not in done.stdout + done.stderr
    assert cli_main(args) == 3


def test_entry_points_disable_core_dumps() -> None:
    probe = (
        "import resource, sys\n"
        "from mentorjournal.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().endswith("(0, 0)")


def test_gui_entry_point_disables_core_dumps() -> None:
    probe = (
        "import resource\n"
        "from ui.app import main\n"
        "main(['--version'])\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().endswith("(0, 0)")
