"""The facade the UI and the CLI use: one open vault, typed reads, commands with change sets.

Every command runs in one transaction that also writes the search index and the audit log
(through ``command.py``), and returns ``Changed(value, changes)`` so the UI worker can tell each
view what to refresh. The rules live in the domain values and the storage repositories; the
family modules only sequence them. A ``Journal`` is used from one thread at a time (the UI's
worker thread, or the CLI).
"""

from __future__ import annotations

from mentorjournal.journal.appointments import Appointments
from mentorjournal.journal.attendance import Attendance
from mentorjournal.journal.auditing import Auditing
from mentorjournal.journal.caseload import Caseload
from mentorjournal.journal.cosigning import Cosigning
from mentorjournal.journal.cpd import Cpd
from mentorjournal.journal.cpd_scheme import CpdSchemes
from mentorjournal.journal.disclosures import Disclosures
from mentorjournal.journal.goals import Goals
from mentorjournal.journal.lifecycle import Lifecycle
from mentorjournal.journal.measures import Measures
from mentorjournal.journal.mentees import Mentees
from mentorjournal.journal.notes import Notes
from mentorjournal.journal.people import People
from mentorjournal.journal.plans import Plans
from mentorjournal.journal.portability import Portability
from mentorjournal.journal.reflections import Reflections
from mentorjournal.journal.retention import Retention
from mentorjournal.journal.searching import Searching
from mentorjournal.journal.subject_access import SubjectAccess
from mentorjournal.journal.supervision import Supervision
from mentorjournal.journal.supervision_ledger import SupervisionLedger
from mentorjournal.journal.sync import Sync
from mentorjournal.journal.timeline import Timeline
from mentorjournal.journal.vault_actions import VaultActions


class Journal(
    Lifecycle,
    Mentees,
    People,
    Notes,
    Cosigning,
    Goals,
    Plans,
    Reflections,
    Supervision,
    SupervisionLedger,
    Cpd,
    Appointments,
    Attendance,
    Measures,
    Caseload,
    CpdSchemes,
    Disclosures,
    SubjectAccess,
    Retention,
    Timeline,
    Searching,
    Sync,
    VaultActions,
    Portability,
    Auditing,
):
    """An unlocked journal. Build it with ``create``/``open``; ``lock`` when done."""
