"""Options and helpers shared by every CLI command group."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mentorjournal.errors import UsageError
from mentorjournal.paths import resolve_vault_dir

if TYPE_CHECKING:
    from mentorjournal.journal import Journal

Handler = Callable[[argparse.Namespace], int]
JournalHandler = Callable[["Journal", argparse.Namespace], int]


def add_vault_options(parser: argparse.ArgumentParser) -> None:
    """``--vault`` may also follow the command; ``--passphrase-file`` never takes the secret itself."""
    parser.add_argument("--vault", dest="vault_after", metavar="DIR", default=None)
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="read the passphrase from the first line of FILE (otherwise you are asked)",
    )
    parser.add_argument(
        "--accept-older-copy",
        action="store_true",
        help="open the vault even though it is an older copy than one opened before here",
    )


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    handler: Handler,
    help_text: str,
) -> argparse.ArgumentParser:
    """One subcommand that opens a vault: its help, the vault options and its handler, alike in every group."""
    parser = sub.add_parser(name, help=help_text, description=help_text)
    add_vault_options(parser)
    parser.set_defaults(func=handler)
    return parser


def vault_dir(args: argparse.Namespace) -> Path:
    return resolve_vault_dir(getattr(args, "vault_after", None) or getattr(args, "vault", None))


def read_first_line(path: str, what: str) -> str:
    """A secret file's first line, without its line ending (spaces are part of a passphrase)."""
    try:
        with open(path, encoding="utf-8") as handle:
            line = handle.readline()
    except OSError as exc:
        raise UsageError(f"Cannot read the {what} file {path}: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"The {what} file {path} is not UTF-8 text.") from exc
    return line.rstrip("\r\n")


def accept_older_copy(args: argparse.Namespace) -> bool:
    """True when the mentor confirmed on the command line that an older copy is meant."""
    return bool(getattr(args, "accept_older_copy", False))


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> str:
    path = getattr(args, "passphrase_file", None)
    if path:
        return read_first_line(path, "passphrase")
    if not sys.stdin.isatty():
        raise UsageError("No terminal to ask for the passphrase: use --passphrase-file FILE.")
    return getpass.getpass(prompt)


def read_stdin_text() -> str:
    """Text for a record, from stdin, decoded strictly so broken input is reported, not mangled."""
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError("The text on standard input is not valid UTF-8.") from exc


def print_created(record_id: object) -> None:
    """A command that creates something prints its id as the last line of stdout."""
    print(record_id)


def run_with_journal(args: argparse.Namespace, handler: JournalHandler) -> int:
    """Unlock the vault, run ``handler``, always lock again; notices about the open go to stderr."""
    from mentorjournal.clock import SystemClock
    from mentorjournal.journal import Journal
    from mentorjournal.paths import VaultPaths, user_state_dir

    journal = Journal.open(
        VaultPaths(vault_dir(args)),
        read_passphrase(args),
        clock=SystemClock(),
        state_dir=user_state_dir(),
        accept_older_copy=accept_older_copy(args),
    )
    try:
        for notice in (journal.rollback_warning, journal.open_notice):
            if notice:
                print(f"mentorjournal: warning: {notice}", file=sys.stderr)
        return handler(journal, args)
    finally:
        journal.lock()


def with_journal(handler: JournalHandler) -> Handler:
    """``handler`` as an argparse ``func``: it receives the unlocked journal."""
    return lambda args: run_with_journal(args, handler)
