"""The ``mentorjournal`` command: argument parsing and error-to-exit-code mapping.

Each command group lives in its own module exposing ``register(subparsers)``; a handler is
stored as ``func`` on its parser and returns an exit code. Errors the program expects are
printed as one line on stderr with their typed exit code, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from mentorjournal import __version__
from mentorjournal.errors import MentorJournalError

EXIT_INTERRUPTED = 130
EXIT_FAILURE = 1


class CliParser(argparse.ArgumentParser):
    """``argparse`` with two safety changes, inherited by every sub-command's parser.

    * No abbreviations: ``--passphrase SECRET`` must never be read as ``--passphrase-file``.
    * Unknown arguments are named without their values, which may be a secret typed by mistake.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            options = sorted({a.split("=", 1)[0] for a in extras if a.startswith("-")})
            shown = ", ".join(options) if options else f"{len(extras)} extra value(s)"
            self.error(f"unrecognised arguments (values not shown): {shown}")
        return parsed


def build_parser() -> argparse.ArgumentParser:
    from mentorjournal.cli import (
        anonymise_commands,
        audit_commands,
        caseload_commands,
        cpd_commands,
        data_commands,
        disclosure_commands,
        export_commands,
        journal_commands,
        profile_commands,
        supervision_commands,
        sync_commands,
        timesheet_commands,
        vault_commands,
    )

    parser = CliParser(
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
        caseload_commands,
        anonymise_commands,
        export_commands,
        data_commands,
        sync_commands,
        cpd_commands,
        disclosure_commands,
        supervision_commands,
        audit_commands,
        profile_commands,
        timesheet_commands,
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
    except MemoryError:
        print("mentorjournal: not enough memory to finish; nothing was changed.", file=sys.stderr)
        return EXIT_FAILURE
    except OSError as exc:
        print(f"mentorjournal: {_os_error_line(exc)}", file=sys.stderr)
        return EXIT_FAILURE
    return code


def _os_error_line(exc: OSError) -> str:
    """A file problem the commands did not foresee, as one line: what failed, and where."""
    reason = exc.strerror or type(exc).__name__
    return f"{reason}: {exc.filename}" if exc.filename else reason


if __name__ == "__main__":
    sys.exit(main())
