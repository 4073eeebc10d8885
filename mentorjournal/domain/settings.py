"""Record settings: the service profile, who signs, and the editable lists of places and services.

Set once in Settings. The profile decides which header fields a note needs before it can be
signed and when it is due; the signer is stamped on every note at signing; the lists feed the
session editor's place and service pickers (a profile's defaults until the mentor edits them).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from mentorjournal.clock import LocalZone
from mentorjournal.domain.notes import SessionNote
from mentorjournal.domain.retention import RecordType, RetentionPolicy
from mentorjournal.domain.rule_overrides import RuleOverride
from mentorjournal.domain.service_profile import ServiceProfileKind, ServiceRules, note_due_at
from mentorjournal.domain.session_header import (
    REASON_MAX,
    SessionHeader,
    Signer,
    missing_fields,
)
from mentorjournal.domain.validation import (
    require_enum,
    require_max_len,
    require_text,
    require_unique,
)
from mentorjournal.errors import LateEntryNeedsReason, ValidationError

LIST_MAX = 100


@dataclass(frozen=True)
class RecordSettings:
    """The vault's record settings.

    ``overrides`` and ``retention`` are kept per profile, so switching profile and back keeps
    what the mentor set for each; a profile without an entry uses the code's rules and
    periods. ``rules`` and ``retention_policy`` are what the current profile means now.
    """

    profile: ServiceProfileKind = ServiceProfileKind.NONE
    signer: Signer | None = None
    places: tuple[str, ...] = ()
    services: tuple[tuple[str, str], ...] = ()
    overrides: Mapping[ServiceProfileKind, RuleOverride] = field(default_factory=dict)
    retention: Mapping[ServiceProfileKind, Mapping[RecordType, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        require_enum(self.profile, ServiceProfileKind, "Service profile")
        overrides = dict(self.overrides)
        for kind, override in overrides.items():
            require_enum(kind, ServiceProfileKind, "Service profile")
            if not isinstance(override, RuleOverride):
                raise ValidationError("A profile's rules must be a rule override.")
        # Normalised: an override equal to the code's rules, or an empty set of periods, is
        # no override at all (so settings compare equal however they were built).
        object.__setattr__(
            self,
            "overrides",
            {k: o for k, o in overrides.items() if o != RuleOverride.of(k.rules)},
        )
        retention: dict[ServiceProfileKind, dict[RecordType, int]] = {}
        for kind, periods in dict(self.retention).items():
            require_enum(kind, ServiceProfileKind, "Service profile")
            changed = RetentionPolicy(kind, dict(periods)).overrides
            if changed:
                retention[kind] = changed
        object.__setattr__(self, "retention", retention)
        object.__setattr__(self, "places", tuple(self.places))
        object.__setattr__(self, "services", tuple(tuple(s) for s in self.services))
        if len(self.places) > LIST_MAX or len(self.services) > LIST_MAX:
            raise ValidationError(f"Keep each list to {LIST_MAX} entries.")
        for place in self.places:
            require_text(place, "A place")
        require_unique(self.places, "Places")
        for entry in self.services:
            if len(entry) != 2:
                raise ValidationError("A service is a name and an optional code.")
            require_text(entry[0], "A service type")
        require_unique([name for name, _code in self.services], "Service types")

    def rules_for(self, kind: ServiceProfileKind) -> ServiceRules:
        override = self.overrides.get(kind)
        return kind.rules if override is None else override.apply(kind.rules)

    @property
    def rules(self) -> ServiceRules:
        """The current profile's rules with the mentor's changes: what signing checks."""
        return self.rules_for(self.profile)

    def retention_for(self, kind: ServiceProfileKind) -> RetentionPolicy:
        return RetentionPolicy(kind, self.retention.get(kind, {}))

    @property
    def retention_policy(self) -> RetentionPolicy:
        """The current profile's retention periods with the mentor's changes."""
        return self.retention_for(self.profile)

    @property
    def place_choices(self) -> tuple[str, ...]:
        """The mentor's list, or the profile's defaults while it is empty."""
        return self.places or self.profile.rules.places

    @property
    def service_choices(self) -> tuple[tuple[str, str], ...]:
        return self.services or self.profile.rules.services


def service_code_of(settings: RecordSettings, service: str) -> str:
    """The code listed for ``service`` ("" when it has none or is not listed)."""
    return dict(settings.service_choices).get(service, "")


def prepare_for_signing(
    note: SessionNote,
    settings: RecordSettings,
    signed_at: datetime,
    zone: LocalZone,
    late_reason: str = "",
) -> SessionNote:
    """The note as it will be signed: header checked against the profile, signer stamped.

    Refuses (one line, nothing lost: the draft stays as it was) when a field the profile
    requires is missing, or when the note is past its due time and no reason for the late
    entry is given. A note with no header, under no profile and with no signer set, signs
    exactly as notes always did.
    """
    rules = settings.rules
    if note.header is None and settings.signer is None and not rules.required:
        return note
    header = note.header or SessionHeader()
    missing = missing_fields(rules, header, settings.signer)
    if missing:
        needed = ", ".join(f.label for f in missing)
        raise ValidationError(f"Before signing, this note needs: {needed} ({rules.label}).")
    end = header.ended_at or note.started_at + timedelta(minutes=note.duration_minutes)
    due = note_due_at(rules, end, crisis=header.crisis, zone=zone)
    late = due is not None and signed_at > due
    reason = (late_reason.strip() or header.late_reason.strip()) if late else ""
    if late and due is not None and not reason:
        raise LateEntryNeedsReason(
            f"This note was due by {zone.display(due)}; give the reason for the late entry."
        )
    require_max_len(reason, "The reason for the late entry", REASON_MAX)
    stamped = replace(
        header,
        signer=settings.signer,
        profile=settings.profile,
        due_at=due,
        late_reason=reason,
    )
    return replace(note, header=stamped)
