"""The ``mentorjournal`` command: argument parsing and error-to-exit-code mapping.

Each command group lives in its own module exposing ``register(subparsers)``; a handler is
stored as ``func`` on its parser and returns an exit code. Errors the program expects are
printed as one line on stderr with their typed exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mentorjournal import __version__
from mentorjournal.errors import MentorJournalError

EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    from mentorjournal.cli import (
        anonymise_commands,
        data_commands,
        export_commands,
        journal_commands,
        vault_commands,
    )

    parser = argparse.ArgumentParser(
        prog="mentorjournal",
        description="Mentor Journal: a private, encrypted journal for mentors.",
    )
    parser.add_argument("--version", action="version", version=f"mentorjournal {__version__}")
    parser.add_argument(
        "--vault",
        metavar="DIR",
        help="vault folder (default: $MENTORJOURNAL_VAULT, else the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in (
        vault_commands,
        journal_commands,
        anonymise_commands,
        export_commands,
        data_commands,
    ):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from mentorjournal.vault.hardening import harden_process

    harden_process()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except MentorJournalError as exc:
        print(f"mentorjournal: {exc}", file=sys.stderr)
        if exc.advice:
            print(f"mentorjournal: {exc.advice}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("mentorjournal: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
