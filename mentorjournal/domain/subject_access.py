"""Subject access: a mentee's request for a copy of everything the mentor holds about them.

UK GDPR Article 12(3) gives the mentor one month to answer. The ICO's right-of-access guidance
says how to count it: the day the request arrives is day one (working day or not), the answer
is due on the corresponding calendar date of the next month; when the next month has no such
date (a request on 31 January), on its last day; when that date falls on a weekend or a public
holiday, on the next working day. The app knows weekends but not a region's public holidays,
so a due date on a bank holiday is the mentor's to move (docs/record-keeping.md says so).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mentorjournal.domain.validation import require_aware, require_date, require_id
from mentorjournal.errors import ValidationError

#: The export's folder holds these three files (and nothing else of ours).
PDF_NAME = "subject-access.pdf"
DOCX_NAME = "subject-access.docx"
JSON_NAME = "subject-access.json"


def access_due_on(requested_on: date) -> date:
    """The ICO's one-month limit for a request received on ``requested_on``."""
    year = requested_on.year + (1 if requested_on.month == 12 else 0)
    month = 1 if requested_on.month == 12 else requested_on.month + 1
    last_day = calendar.monthrange(year, month)[1]
    due = date(year, month, min(requested_on.day, last_day))
    while due.weekday() >= 5:  # Saturday, Sunday: the next working day
        due += timedelta(days=1)
    return due


@dataclass(frozen=True)
class SubjectAccessRequest:
    """One request, kept with the mentee's record: when it arrived, when it is due, when answered.

    ``exported_at`` is set when the export was written; a request with none is still open.
    """

    id: str
    mentee_id: str
    requested_on: date
    due_on: date
    recorded_at: datetime
    exported_at: datetime | None = None

    def __post_init__(self) -> None:
        require_id(self.id, "Request id")
        require_id(self.mentee_id, "Mentee id")
        require_date(self.requested_on, "Request date")
        require_date(self.due_on, "Due date")
        require_aware(self.recorded_at, "When it was recorded")
        if self.exported_at is not None:
            require_aware(self.exported_at, "When it was exported")
        if self.due_on < self.requested_on:
            raise ValidationError("A request cannot be due before it was made.")

    @classmethod
    def received(
        cls, request_id: str, mentee_id: str, requested_on: date, *, today: date, now: datetime
    ) -> SubjectAccessRequest:
        """A request received on ``requested_on`` (never after ``today``), due a month later."""
        if requested_on > today:
            raise ValidationError(
                f"The request date {requested_on.isoformat()} is in the future; give the day"
                " the request arrived."
            )
        return cls(request_id, mentee_id, requested_on, access_due_on(requested_on), now)

    def days_left(self, today: date) -> int:
        """Days until the due date (negative once it has passed)."""
        return (self.due_on - today).days

    def is_overdue(self, today: date) -> bool:
        return self.exported_at is None and today > self.due_on
