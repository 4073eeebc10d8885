"""Which pages the main window has, where each lives, and which page shows a record of each kind.

Why a registry apart from the window: the controller imports every page in the worker thread
while the passphrase is typed (:func:`import_pages`), the smoke test walks every page, and the
search window and the timeline route records to pages. None of these needs the window.

Pages are named by module and class and imported lazily: a missing module or class is an
error, never a silent stand-in.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ui.pages.base import Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.prompts import Prompts
    from ui.worker import JournalWorker


@dataclass(frozen=True)
class PageSpec:
    """Where a content view lives, so it can be imported lazily."""

    key: str
    title: str
    module: str
    class_name: str
    #: The icon beside its tab or list entry (a name in ``ui/resources/icons``; "" for none).
    icon: str = ""


MENTEE_TABS: tuple[PageSpec, ...] = (
    PageSpec("sessions", "Sessions", "ui.pages.sessions.page", "SessionsTab", "note"),
    PageSpec("goals", "Goals", "ui.pages.goals.page", "GoalsTab", "goal"),
    PageSpec("coping_plan", "Coping plan", "ui.pages.coping_plan.page", "CopingPlanTab", "plan"),
    PageSpec("people", "People && consent", "ui.pages.people.page", "PeopleConsentTab", "people"),
    PageSpec("resources", "Resources", "ui.pages.resources.page", "ResourcesTab", "resource"),
    PageSpec("disclosures", "Disclosures", "ui.pages.disclosures.page", "DisclosuresTab", "risk"),
    PageSpec(
        "appointments", "Appointments", "ui.pages.appointments.page", "AppointmentsTab", "calendar"
    ),
    PageSpec("measures", "Measures", "ui.pages.measures.page", "MeasuresTab", "measures"),
)
AREAS: tuple[PageSpec, ...] = (
    PageSpec("home", "Home", "ui.pages.home.page", "HomePage", "home"),
    PageSpec(
        "reflection", "Reflection", "ui.pages.reflection.page", "ReflectionPage", "reflection"
    ),
    PageSpec(
        "self_review", "How I'm doing", "ui.pages.self_review.page", "SelfReviewPage", "pulse"
    ),
    PageSpec(
        "supervision", "Supervision", "ui.pages.supervision.page", "SupervisionPage", "supervision"
    ),
    PageSpec("cpd", "CPD", "ui.pages.cpd.page", "CpdPage", "cpd"),
)
MENTEE_TAB_KEYS = frozenset(spec.key for spec in MENTEE_TABS)

#: Which page shows a record of each kind, for exactly the kinds that reach the window: what
#: the search index stores (note, addendum, goal, progress, plan, reflection, supervision) and
#: what the timeline lists (session, progress, reflection). A test holds this to both.
RECORD_PAGES: dict[str, str] = {
    "note": "sessions",
    "session": "sessions",
    "addendum": "sessions",
    "goal": "goals",
    "progress": "goals",
    "plan": "coping_plan",
    "reflection": "reflection",
    "supervision": "supervision",
}


#: Parts of a record the caseload home, the appointments and measures tabs and the self-review
#: ask for (often with no record id: "this mentee's consents"). Kept apart from
#: ``RECORD_PAGES``, which routes exactly the kinds search and the timeline name.
PART_PAGES: dict[str, str] = {
    "mentee": "sessions",
    "consent": "people",
    "appointment": "appointments",
    "measure": "measures",
    "risk_followup": "measures",
    "disclosure": "disclosures",
    "self_review": "self_review",
}


def import_pages() -> None:
    """Import every page's module, making no widget (safe in the worker thread).

    Importing the pages and their models costs about 130 ms, most of the first build of the
    main window; the controller runs it in the worker while the mentor types the passphrase,
    so what is left for the GUI thread to do during the KDF is building the widgets (~50 ms).
    """
    for spec in (*MENTEE_TABS, *AREAS):
        importlib.import_module(spec.module)


def build_page(
    spec: PageSpec, worker: JournalWorker, prompts: Prompts, parent: QWidget
) -> Page[Any]:
    """Import (lazily, for start-up time) and construct a page; a missing one raises."""
    module = importlib.import_module(spec.module)
    page_class = getattr(module, spec.class_name)
    if not (isinstance(page_class, type) and issubclass(page_class, Page)):
        raise TypeError(f"{spec.module}.{spec.class_name} is not a page")
    page: Page[Any] = page_class(worker, prompts, parent)
    return page
