"""The supervision ledger: the agreement, the supervisor's sign-off of a meeting, the hours."""

from __future__ import annotations

from datetime import date

from mentorjournal.changes import Changed, Changes
from mentorjournal.domain.settings import RecordSettings
from mentorjournal.domain.supervision_ledger import (
    SCHEME_SUPERVISION_HOURS,
    SupervisionAgreement,
    SupervisionSignOff,
    SupervisionTarget,
    YearHours,
    choose_target,
    sign_off,
    year_hours,
)
from mentorjournal.errors import RecordNotFound, RecordSigned, ValidationError
from mentorjournal.journal.base import JournalBase
from mentorjournal.storage import cpd as cpd_repo
from mentorjournal.storage import session_headers as header_repo
from mentorjournal.storage import supervision as supervision_repo
from mentorjournal.storage import supervision_ledger as ledger_repo
from mentorjournal.storage.codec import KIND_SUPERVISION

KIND_AGREEMENT = "supervision_agreement"
KIND_SIGNOFF = "supervision_signoff"
LEDGER_CHANGES = Changes(supervision=True)


class SupervisionLedger(JournalBase):
    """Keep the agreement, sign meetings off, and count supervision hours against a target."""

    def save_supervision_agreement(
        self, agreement: SupervisionAgreement
    ) -> Changed[SupervisionAgreement]:
        """Insert or update (an agreement is revised at its review)."""
        with self._command(LEDGER_CHANGES) as command:
            new = ledger_repo.save_agreement(command.conn, agreement, self._clock.now())
            command.audit("create" if new else "edit", KIND_AGREEMENT, agreement.id)
        return command.done(agreement)

    def supervision_agreements(self) -> list[SupervisionAgreement]:
        """Newest first."""
        return ledger_repo.list_agreements(self._db)

    def current_supervision_agreement(self) -> SupervisionAgreement | None:
        """The agreement that started last on or before today (else the earliest to come)."""
        agreements = self.supervision_agreements()
        today = self.today()
        started = [a for a in agreements if a.started_on <= today]
        if started:
            return started[0]
        return agreements[-1] if agreements else None

    def sign_off_supervision(
        self, supervision_id: str, *, name: str, signed_on: date
    ) -> Changed[SupervisionSignOff]:
        """The supervisor signs a logged meeting off: sealed, and the meeting is locked."""
        with self._command(LEDGER_CHANGES) as command:
            meeting = supervision_repo.get(command.conn, supervision_id)
            if meeting is None:
                raise RecordNotFound("That supervision session does not exist.")
            if ledger_repo.get_signoff(command.conn, supervision_id) is not None:
                raise RecordSigned("This supervision record is already signed off.")
            written_at = self._clock.zone.local(self._clock.now())
            signoff = sign_off(meeting, name=name, signed_on=signed_on, written_at=written_at)
            ledger_repo.insert_signoff(command.conn, signoff)
            command.audit("sign", KIND_SIGNOFF, supervision_id)
        return command.done(signoff)

    def supervision_signoff(self, supervision_id: str) -> SupervisionSignOff | None:
        return ledger_repo.get_signoff(self._db, supervision_id)

    def supervision_signoffs(self) -> dict[str, SupervisionSignOff]:
        """Every sign-off by meeting id."""
        return ledger_repo.all_signoffs(self._db)

    def set_supervision_action_done(self, action_id: str, done: bool) -> Changed[None]:
        """Tick an agreed action done (or not): the one change a signed-off meeting allows."""
        with self._command(LEDGER_CHANGES) as command:
            meeting_id = supervision_repo.set_action_done(command.conn, action_id, done)
            command.audit("edit", KIND_SUPERVISION, meeting_id, "done" if done else "not done")
        return command.done(None)

    def supervision_target(self) -> SupervisionTarget | None:
        """The monthly target: the agreement's, else the service profile's, else the scheme's."""
        settings = header_repo.get_settings(self._db) or RecordSettings()
        rules = settings.profile.rules
        scheme = cpd_repo.get_scheme(self._db)
        scheme_hours, scheme_label = (None, "")
        if scheme is not None and scheme.kind.value in SCHEME_SUPERVISION_HOURS:
            scheme_hours, scheme_label = SCHEME_SUPERVISION_HOURS[scheme.kind.value]
        return choose_target(
            self.current_supervision_agreement(),
            rules.supervision_hours_per_month,
            rules.label,
            scheme_hours,
            scheme_label,
        )

    def supervision_hours(self, year: int | None = None) -> YearHours:
        """Logged supervision by month of ``year`` (default: this year, through this month)."""
        today = self.today()
        chosen = today.year if year is None else year
        if chosen > today.year:
            raise ValidationError("There are no supervision hours in a year still to come.")
        return year_hours(
            supervision_repo.list_sessions(self._db),
            chosen,
            through=today,
            target=self.supervision_target(),
        )
