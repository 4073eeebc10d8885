"""CLI command group ``profile``: the service profile, the signer, and the place/service lists.

* ``profile`` alone prints the settings and what the profile requires
* ``profile --set KIND [--name N --role R --credentials C] [--place P ...]
  [--service NAME[=CODE] ...]``: replaces the settings (omitted lists keep the profile's
  defaults)
"""

from __future__ import annotations

import argparse

from mentorjournal.cli.common import add_vault_options, with_journal
from mentorjournal.domain.service_profile import ServiceProfileKind
from mentorjournal.domain.session_header import Signer
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.validation import parse_enum
from mentorjournal.errors import UsageError
from mentorjournal.journal import Journal


def _service(text: str) -> tuple[str, str]:
    name, _eq, code = text.partition("=")
    return name.strip(), code.strip()


def _signer(args: argparse.Namespace) -> Signer | None:
    if args.name is None and args.role is None:
        return None
    if not args.name or not args.role:
        raise UsageError("Give both --name and --role (credentials are optional).")
    return Signer(args.name, args.role, args.credentials or "")


def cmd_profile(journal: Journal, args: argparse.Namespace) -> int:
    if args.set is not None:
        current = journal.record_settings()
        settings = RecordSettings(
            profile=parse_enum(ServiceProfileKind, args.set, "--set"),
            signer=_signer(args),
            places=tuple(args.place or ()),
            services=tuple(_service(s) for s in args.service or ()),
            overrides=current.overrides,
            retention=current.retention,
        )
        journal.set_record_settings(settings)
    settings = journal.record_settings()
    rules = settings.rules
    print(f"profile: {settings.profile.value} ({rules.label})")
    print(f"signer: {settings.signer.line if settings.signer else '(not set)'}")
    required = sorted(f.label for f in rules.required)
    print(f"required before signing: {', '.join(required) or 'nothing'}")
    if rules.due_hours is not None:
        print(f"due: {rules.due_hours} h after the session")
    elif rules.due_business_days is not None:
        print(f"due: end of business day {rules.due_business_days} after the session")
    if rules.crisis_due_hours is not None and rules.required:
        print(f"crisis contact due: {rules.crisis_due_hours} h")
    print(f"places: {'; '.join(settings.place_choices)}")
    services = (f"{n} ({c})" if c else n for n, c in settings.service_choices)
    print(f"services: {'; '.join(services)}")
    policy = settings.retention_policy
    kept = (f"{t.label.lower()} {policy.years(t)} y" for t in policy.periods)
    print(f"kept after care ends: {'; '.join(kept)}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    text = "show or set the service profile, signer and lists used by session notes"
    parser = sub.add_parser("profile", help=text, description=text)
    add_vault_options(parser)
    parser.set_defaults(func=with_journal(cmd_profile))
    parser.add_argument("--set", metavar="KIND", choices=[k.value for k in ServiceProfileKind])
    parser.add_argument("--name", help="your name as notes are signed")
    parser.add_argument("--role", help="your role, e.g. Peer Support Specialist")
    parser.add_argument("--credentials", help="your credentials, e.g. CPS")
    parser.add_argument("--place", action="append", help="a place of service (repeat)")
    parser.add_argument("--service", action="append", metavar="NAME[=CODE]", help="(repeat)")
