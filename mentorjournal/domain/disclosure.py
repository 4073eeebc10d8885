"""A disclosure: information about a mentee shared outside the mentoring relationship.

When a mentor breaks confidentiality (a risk of serious harm, a safeguarding concern, a legal
duty) or shares information with the mentee's agreement, good practice is to record what was
shared, with whom, how, when, any reference number, the reasoning, any advice sought, and
whether the mentee was told (and if not, why not). The entry is a record: it is never edited
or deleted; a mistake is put right by a new entry that names the one it corrects, so the
original stays readable beside the correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from mentorjournal.domain.validation import (
    require_aware,
    require_id,
    require_max_len,
    require_optional_id,
    require_text,
)
from mentorjournal.errors import ValidationError

TEXT_MAX = 20_000


class DisclosureBasis(Enum):
    """Why information left the relationship."""

    RISK_TO_SELF = "risk_to_self"
    RISK_TO_OTHERS = "risk_to_others"
    SAFEGUARDING_CHILD = "safeguarding_child"
    SAFEGUARDING_ADULT = "safeguarding_adult"
    LEGAL_DUTY = "legal_duty"
    WITH_CONSENT = "with_consent"

    @property
    def label(self) -> str:
        return BASIS_LABELS[self]


BASIS_LABELS: dict[DisclosureBasis, str] = {
    DisclosureBasis.RISK_TO_SELF: "Risk of serious harm to the mentee",
    DisclosureBasis.RISK_TO_OTHERS: "Risk of serious harm to others",
    DisclosureBasis.SAFEGUARDING_CHILD: "Safeguarding a child",
    DisclosureBasis.SAFEGUARDING_ADULT: "Safeguarding an adult at risk",
    DisclosureBasis.LEGAL_DUTY: "Legal duty (court order, statute)",
    DisclosureBasis.WITH_CONSENT: "Shared with the mentee's agreement",
}


class ShareMethod(Enum):
    """How the information was passed on."""

    PHONE = "phone"
    IN_PERSON = "in_person"
    VIDEO = "video"
    SECURE_EMAIL = "secure_email"
    EMAIL = "email"
    ONLINE_FORM = "online_form"
    LETTER = "letter"
    OTHER = "other"


METHOD_LABELS: dict[ShareMethod, str] = {
    ShareMethod.PHONE: "Phone",
    ShareMethod.IN_PERSON: "In person",
    ShareMethod.VIDEO: "Video call",
    ShareMethod.SECURE_EMAIL: "Secure email",
    ShareMethod.EMAIL: "Email",
    ShareMethod.ONLINE_FORM: "Online referral form",
    ShareMethod.LETTER: "Letter",
    ShareMethod.OTHER: "Other",
}


class MenteeInformed(Enum):
    """Whether the mentee knows; "not told" needs the reason written down."""

    BEFORE = "before"
    AFTER = "after"
    NOT_YET = "not_yet"
    NOT_TOLD = "not_told"


INFORMED_LABELS: dict[MenteeInformed, str] = {
    MenteeInformed.BEFORE: "Told before sharing",
    MenteeInformed.AFTER: "Told afterwards",
    MenteeInformed.NOT_YET: "Not told yet",
    MenteeInformed.NOT_TOLD: "Not told (reason recorded)",
}


@dataclass(frozen=True)
class Disclosure:
    """One disclosure as recorded; ``corrects_id`` names the entry this one corrects."""

    id: str
    mentee_id: str
    shared_at: datetime
    basis: DisclosureBasis
    what: str
    recipient: str
    method: ShareMethod
    reasoning: str
    reference: str = ""
    advice_sought: str = ""
    informed: MenteeInformed = MenteeInformed.NOT_YET
    informed_note: str = ""
    note_id: str | None = None
    followup_id: str | None = None
    corrects_id: str | None = None
    #: When the entry was written (set by the journal; shown so late entries are visible).
    recorded_at: datetime | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Disclosure id")
        require_id(self.mentee_id, "Mentee id")
        require_aware(self.shared_at, "When it was shared")
        if not isinstance(self.basis, DisclosureBasis):
            raise ValidationError("Say why the information was shared.")
        if not isinstance(self.method, ShareMethod):
            raise ValidationError("Say how the information was shared.")
        if not isinstance(self.informed, MenteeInformed):
            raise ValidationError("Say whether the mentee was told.")
        require_text(self.what, "What was shared", max_len=TEXT_MAX)
        require_text(self.recipient, "Who it was shared with", max_len=500)
        require_text(self.reasoning, "The reasoning", max_len=TEXT_MAX)
        require_max_len(self.reference, "Reference", 200)
        require_max_len(self.advice_sought, "Advice sought", TEXT_MAX)
        require_max_len(self.informed_note, "Why the mentee was not told", TEXT_MAX)
        if self.informed is MenteeInformed.NOT_TOLD and not self.informed_note.strip():
            raise ValidationError("When the mentee is not told, write down why.")
        require_optional_id(self.note_id, "Session note id")
        require_optional_id(self.followup_id, "Risk follow-up id")
        require_optional_id(self.corrects_id, "Corrected entry id")
        if self.corrects_id == self.id:
            raise ValidationError("An entry cannot correct itself.")
        if self.recorded_at is not None:
            require_aware(self.recorded_at, "When it was recorded")

    @property
    def summary(self) -> str:
        """One line for lists: basis, recipient and method (no content)."""
        return f"{self.basis.label}: to {self.recipient} by {METHOD_LABELS[self.method].lower()}"
