"""Domain values: frozen dataclasses and enums, validated on construction, with no I/O.

Everything a caller needs is re-exported here: ``from mentorjournal.domain import SessionNote``.
"""

from __future__ import annotations

from mentorjournal.domain.appointments import Appointment, AppointmentListing, AppointmentStatus
from mentorjournal.domain.cpd import CpdEntry, CpdYearTotal
from mentorjournal.domain.goals import (
    GAS_LABELS,
    GAS_LEVELS,
    Goal,
    GoalOverview,
    GoalProgress,
    GoalStatus,
    GoalStep,
    gas_t_score,
)
from mentorjournal.domain.measures import (
    Instrument,
    MeasureResult,
    RiskFollowUp,
    RiskSource,
    ScaleRating,
    TrackedScale,
)
from mentorjournal.domain.mentee import (
    Consent,
    ConsentMethod,
    Contact,
    ContactRole,
    Mentee,
    MenteeListing,
    MenteeStatus,
    Place,
    PlaceKind,
    Resource,
    validate_code,
)
from mentorjournal.domain.notes import (
    SECTION_HINTS,
    Addendum,
    NoteSummary,
    NoteTemplate,
    SessionMode,
    SessionNote,
    normalise_sections,
)
from mentorjournal.domain.plans import (
    SECTION_LABELS,
    CopingPlan,
    CopingPlanVersion,
    PlanSection,
    normalise_plan_sections,
)
from mentorjournal.domain.reflection import Reflection, ReflectionModel, SelfCareCheck
from mentorjournal.domain.signing import (
    chain_addendum,
    note_hash,
    sign_note,
    verify_chain,
    verify_note,
)
from mentorjournal.domain.supervision import (
    FOCUS_LABELS,
    AgendaCandidate,
    AgendaItem,
    SourceKind,
    SupervisionAction,
    SupervisionFocus,
    SupervisionFunction,
    SupervisionSession,
)
from mentorjournal.domain.timeline import TimelineEntry, TimelineKind
from mentorjournal.domain.validation import new_id, parse_enum

__all__ = [
    "FOCUS_LABELS",
    "GAS_LABELS",
    "GAS_LEVELS",
    "SECTION_HINTS",
    "SECTION_LABELS",
    "Addendum",
    "AgendaCandidate",
    "AgendaItem",
    "Appointment",
    "AppointmentListing",
    "AppointmentStatus",
    "Consent",
    "ConsentMethod",
    "Contact",
    "ContactRole",
    "CopingPlan",
    "CopingPlanVersion",
    "CpdEntry",
    "CpdYearTotal",
    "Goal",
    "GoalOverview",
    "GoalProgress",
    "GoalStatus",
    "GoalStep",
    "Instrument",
    "MeasureResult",
    "Mentee",
    "MenteeListing",
    "MenteeStatus",
    "NoteSummary",
    "NoteTemplate",
    "Place",
    "PlaceKind",
    "PlanSection",
    "Reflection",
    "ReflectionModel",
    "Resource",
    "RiskFollowUp",
    "RiskSource",
    "ScaleRating",
    "SelfCareCheck",
    "SessionMode",
    "SessionNote",
    "SourceKind",
    "SupervisionAction",
    "SupervisionFocus",
    "SupervisionFunction",
    "SupervisionSession",
    "TimelineEntry",
    "TimelineKind",
    "TrackedScale",
    "chain_addendum",
    "gas_t_score",
    "new_id",
    "normalise_plan_sections",
    "normalise_sections",
    "note_hash",
    "parse_enum",
    "sign_note",
    "validate_code",
    "verify_chain",
    "verify_note",
]
