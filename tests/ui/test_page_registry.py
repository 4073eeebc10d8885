"""The page registry routes exactly the record kinds that reach the main window."""

from __future__ import annotations

from datetime import date

from mentorjournal.demo import generate_demo
from mentorjournal.domain.timeline import TimelineKind
from mentorjournal.storage.bulk import index_docs
from ui.windows.page_registry import AREAS, MENTEE_TABS, RECORD_PAGES


def test_record_pages_route_every_kind_search_and_the_timeline_name_and_no_other() -> None:
    today = date(2026, 12, 1)
    records = generate_demo(mentees=4, sessions=80, seed=3, today=today)
    searchable = {doc.kind for doc in index_docs(records, today=today)}
    listed = {kind.value for kind in TimelineKind}
    assert set(RECORD_PAGES) == searchable | listed


def test_every_routed_kind_goes_to_a_page_that_exists() -> None:
    keys = {spec.key for spec in (*MENTEE_TABS, *AREAS)}
    assert set(RECORD_PAGES.values()) <= keys


def test_every_part_a_page_asks_for_goes_to_a_page_that_exists() -> None:
    from ui.windows.page_registry import PART_PAGES

    keys = {spec.key for spec in (*MENTEE_TABS, *AREAS)}
    assert set(PART_PAGES.values()) <= keys
    assert not set(PART_PAGES) & set(RECORD_PAGES)
