"""The mentor's own version of a service profile's rules: required fields and due times.

The profiles in ``service_profile.py`` are a starting point; a programme's manual may ask for
more (a plan goal on every note) or allow longer (5 business days). An override replaces a
profile's required fields and due times as a whole, is stored per profile in the vault, and
is what signing checks. The billing unit, the lists and the rule's source stay the code's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mentorjournal.domain.service_profile import HeaderField, ServiceRules
from mentorjournal.errors import ValidationError

MAX_BUSINESS_DAYS = 30
MAX_HOURS = 720


def _check_range(value: int | None, what: str, high: int) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
        raise ValidationError(f"{what} must be between 1 and {high}.")


@dataclass(frozen=True)
class RuleOverride:
    """Which header fields are required, and when a note is due (``None``: no such limit).

    ``due_business_days`` and ``due_hours`` are alternatives: a note is due either by the end
    of a business day or a number of hours after the session, never both.
    """

    required: frozenset[HeaderField]
    due_business_days: int | None = None
    due_hours: int | None = None
    crisis_due_hours: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "required", frozenset(self.required))
        for item in self.required:
            if not isinstance(item, HeaderField):
                raise ValidationError("Unknown header field in the required fields.")
        _check_range(self.due_business_days, "Business days to sign", MAX_BUSINESS_DAYS)
        _check_range(self.due_hours, "Hours to sign", MAX_HOURS)
        _check_range(self.crisis_due_hours, "Hours to sign a crisis contact", MAX_HOURS)
        if self.due_business_days is not None and self.due_hours is not None:
            raise ValidationError("A note is due after business days or after hours, not both.")
        if HeaderField.SERVICE_CODE in self.required and HeaderField.SERVICE not in self.required:
            raise ValidationError("A required service code needs the service type required too.")
        if HeaderField.CREDENTIALS in self.required and HeaderField.SIGNER not in self.required:
            raise ValidationError("Required credentials need your name and role required too.")

    @classmethod
    def of(cls, rules: ServiceRules) -> RuleOverride:
        """The override that changes nothing: the rules as the profile has them."""
        return cls(rules.required, rules.due_business_days, rules.due_hours, rules.crisis_due_hours)

    def apply(self, rules: ServiceRules) -> ServiceRules:
        """``rules`` with this override's required fields and due times."""
        return replace(
            rules,
            required=self.required,
            due_business_days=self.due_business_days,
            due_hours=self.due_hours,
            crisis_due_hours=self.crisis_due_hours,
        )
