"""CLI command group ``sync``: one journal on the mentor's own computers (docs/sync.md).

``sync setup --folder DIR`` makes this vault the first device; ``sync join --folder DIR
--recovery-key-file FILE`` makes a new vault folder another device of that journal;
``sync now`` publishes and merges; ``sync status``, ``sync conflicts`` and ``sync resolve``
show what needs a look. Secrets come only from files or prompts, never from argv.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from mentorjournal.cli.common import (
    add_command,
    read_first_line,
    read_passphrase,
    vault_dir,
    with_journal,
)
from mentorjournal.errors import UsageError
from mentorjournal.journal import Journal
from mentorjournal.sync.status import SyncReport, SyncStatus


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


def _print_report(report: SyncReport, as_json: bool) -> None:
    if as_json:
        _print_json(report.to_json())
        return
    print(
        f"published {report.published_ops} change(s) in {report.published_segments} segment(s); "
        f"merged {report.applied_ops} change(s) from {report.applied_segments} segment(s); "
        f"{report.new_conflicts} new conflict(s); {report.waiting_segments} segment(s) waiting"
    )
    for line in report.quarantined:
        print(f"mentorjournal: warning: quarantined {line}", file=sys.stderr)
    for line in report.warnings:
        print(f"mentorjournal: warning: {line}", file=sys.stderr)


def cmd_setup(journal: Journal, args: argparse.Namespace) -> int:
    report = journal.sync_setup(Path(args.folder)).value
    status = journal.sync_status()
    print(f"Sync is on: journal {status.journal_id}, this computer is device {status.device_id}.")
    print("On another computer: mentorjournal sync join --folder DIR --recovery-key-file FILE")
    _print_report(report, False)
    return 0


def _join_passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return read_passphrase(args)
    if not sys.stdin.isatty():
        raise UsageError(
            "No terminal to ask for this computer's passphrase: use --passphrase-file."
        )
    first = getpass.getpass("Passphrase for this computer's vault: ")
    if getpass.getpass("Repeat the passphrase: ") != first:
        raise UsageError("The two passphrases differ; nothing was changed.")
    return first


def cmd_join(args: argparse.Namespace) -> int:
    from mentorjournal.clock import SystemClock
    from mentorjournal.paths import VaultPaths, user_state_dir
    from mentorjournal.sync import engine
    from mentorjournal.vault.slots import wipe

    folder = Path(args.folder).expanduser().absolute()
    recovery_key = read_first_line(args.recovery_key_file, "recovery key")
    journal_id = engine.find_journal(folder, args.journal)
    key = engine.open_journal_key(folder, journal_id, recovery_key)  # before any vault is made
    try:
        paths = VaultPaths(vault_dir(args))
        journal, _unused = Journal.create(
            paths, _join_passphrase(args), clock=SystemClock(), state_dir=user_state_dir()
        )
        try:
            report = journal.sync_adopt(folder, journal_id, key, recovery_key).value
            status = journal.sync_status()
        finally:
            journal.lock()
    finally:
        wipe(key)
    print(f"Joined journal {journal_id} as device {status.device_id} in {paths.root}.")
    print("This vault opens with your existing recovery key, as your other computers do.")
    _print_report(report, False)
    return 0


def cmd_pair(args: argparse.Namespace) -> int:
    """Join without the recovery key: show a code, wait until another computer approves it."""
    import tempfile
    import time

    from mentorjournal.clock import SystemClock
    from mentorjournal.paths import VaultPaths, user_state_dir
    from mentorjournal.sync import engine, pairing
    from mentorjournal.vault.slots import wipe

    folder = Path(args.folder).expanduser().absolute()
    journal_id = engine.find_journal(folder, args.journal)
    paths = VaultPaths(vault_dir(args))
    if paths.exists():
        raise UsageError(f"A vault already exists in {paths.root}; pairing makes a new one.")
    passphrase = _join_passphrase(args)
    with tempfile.TemporaryDirectory(prefix="mentorjournal-pairing-") as staging:
        pending = pairing.request(folder, journal_id, Path(staging))
    print(f"Pairing code: {pending.code}", flush=True)
    print(f"On a computer already in this journal: mentorjournal sync approve {pending.code}")
    deadline = time.monotonic() + args.wait
    try:
        key = pairing.answer(folder, journal_id, pending)
        while key is None and time.monotonic() < deadline:
            time.sleep(1.0)  # waiting for the sync app to bring the answer; no test relies on it
            key = pairing.answer(folder, journal_id, pending)
    finally:
        pairing.withdraw(pending)
    if key is None:
        raise UsageError(f"No computer approved the code within {args.wait} seconds; try again.")
    try:
        journal, recovery_key = Journal.create(
            paths, passphrase, clock=SystemClock(), state_dir=user_state_dir()
        )
        try:
            report = journal.sync_adopt(folder, journal_id, key, None).value
        finally:
            journal.lock()
    finally:
        wipe(key)
    print(f"Joined journal {journal_id} in {paths.root}.")
    print("This computer's vault has its own recovery key (write it down; it is shown only once):")
    print(recovery_key)
    _print_report(report, False)
    return 0


def cmd_approve(journal: Journal, args: argparse.Namespace) -> int:
    journal.sync_approve(args.code)
    print("Approved. The new computer finishes joining as soon as the sync app brings this over.")
    return 0


def cmd_now(journal: Journal, args: argparse.Namespace) -> int:
    _print_report(journal.sync_now().value, args.json)
    return 0


def _print_status(status: SyncStatus) -> None:
    if not status.enabled:
        print("Sync is off for this vault.")
        return
    print(f"journal {status.journal_id}, this device {status.device_id}")
    print(
        f"folder {status.folder}" + (f" ({status.folder_problem})" if status.folder_problem else "")
    )
    print(
        f"last sync {status.last_sync_at or 'never'}; {status.pending_local_ops} change(s) to publish"
    )
    for device in status.devices:
        mark = " (this computer)" if device.this_device else ""
        print(
            f"  device {device.name or '?'} {device.device_id}{mark}: applied {device.applied_seq}, "
            f"in folder {device.newest_seq_in_folder}, waiting {device.pending_segments}, "
            f"last seen {device.last_seen_at or 'never'}"
        )
    print(f"{status.conflicts} conflict(s), {status.parked_ops} change(s) waiting for a parent")
    for line in (*status.quarantined, *status.warnings):
        print(f"  warning: {line}")


def cmd_status(journal: Journal, args: argparse.Namespace) -> int:
    status = journal.sync_status()
    if args.json:
        _print_json(status.to_json())
    else:
        _print_status(status)
    return 0


def cmd_conflicts(journal: Journal, args: argparse.Namespace) -> int:
    conflicts = journal.sync_conflicts()
    if args.json:
        _print_json([c.__dict__ for c in conflicts])
        return 0
    for c in conflicts:
        print(f"{c.id}\t{c.table}\t{c.record_id}\t{c.field}\t{c.reason}")
        print(f"  kept:  {c.current_value}")
        print(f"  other: {c.other_value}")
    return 0


def cmd_resolve(journal: Journal, args: argparse.Namespace) -> int:
    if not journal.resolve_sync_conflict(args.id, keep_other=args.keep_other).value:
        raise UsageError(f"No open conflict {args.id}.")
    if args.keep_other:
        print(f"Conflict {args.id} settled: the other version is back, on every computer.")
    else:
        print(f"Conflict {args.id} settled: the kept version stays.")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``sync`` command group."""
    group = sub.add_parser("sync", help="one journal on your own computers, via a sync folder")
    commands = group.add_subparsers(dest="sync_command", metavar="ACTION", required=True)
    setup = add_command(
        commands, "setup", with_journal(cmd_setup), "make this vault the first synced device"
    )
    setup.add_argument("--folder", required=True, metavar="DIR", help="the synced folder")
    join = add_command(
        commands, "join", cmd_join, "make a new vault folder another device of a journal"
    )
    join.add_argument("--folder", required=True, metavar="DIR", help="the synced folder")
    join.add_argument(
        "--recovery-key-file", required=True, metavar="FILE",
        help="a file whose first line is the journal's recovery key",
    )  # fmt: skip
    join.add_argument("--journal", metavar="ID", help="which journal, if the folder holds several")
    pair = add_command(
        commands,
        "pair",
        cmd_pair,
        "join from a new vault folder with a code another computer approves",
    )
    pair.add_argument("--folder", required=True, metavar="DIR", help="the synced folder")
    pair.add_argument("--journal", metavar="ID", help="which journal, if the folder holds several")
    pair.add_argument(
        "--wait", type=int, default=600, metavar="SECONDS", help="how long to wait for approval"
    )
    approve = add_command(
        commands, "approve", with_journal(cmd_approve), "let a new computer showing CODE join"
    )
    approve.add_argument("code", metavar="CODE")
    now = add_command(commands, "now", with_journal(cmd_now), "publish and merge changes now")
    now.add_argument("--json", action="store_true", help="print counts as JSON")
    status = add_command(
        commands, "status", with_journal(cmd_status), "devices, pending, conflicts"
    )
    status.add_argument("--json", action="store_true", help="print as JSON")
    conflicts = add_command(
        commands, "conflicts", with_journal(cmd_conflicts), "versions that did not win a merge"
    )
    conflicts.add_argument("--json", action="store_true", help="print as JSON")
    resolve = add_command(
        commands, "resolve", with_journal(cmd_resolve), "mark a conflict as settled"
    )
    resolve.add_argument("id")
    resolve.add_argument(
        "--keep-other", action="store_true", help="take the other version instead of the kept one"
    )
