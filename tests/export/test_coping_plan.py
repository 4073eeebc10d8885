"""The printable coping plan is one clean, readable page with phone numbers easy to find."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf

from mentorjournal.clock import UTC_ZONE
from mentorjournal.domain import CopingPlanVersion, PlanSection
from mentorjournal.export.coping_plan import (
    SIZES,
    coping_plan_document,
    coping_plan_pdf,
    emphasise_phone_numbers,
    write_coping_plan_pdf,
)
from mentorjournal.export.document import Heading
from tests.export.sample_records import plan_version


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_plan_fits_one_page_in_large_type_with_all_seven_sections(tmp_path: Path) -> None:
    plan = plan_version()
    path = tmp_path / "plan.pdf"
    assert write_coping_plan_pdf(plan, path, owner_name="Tam", zone=UTC_ZONE) == 1
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) == 1
    text = _text(path.read_bytes())
    assert "Tam's coping plan" in text
    for number in range(1, 8):
        assert f"{number}. " in text
    assert "Samaritans — 116 123" in text
    assert path.stat().st_mode & 0o777 == 0o600


def test_plan_shows_no_internal_ids() -> None:
    plan = plan_version()
    text = _text(coping_plan_pdf(plan, zone=UTC_ZONE)[0])
    assert plan.id not in text and plan.mentee_id not in text
    assert "Version" not in text
    assert "My coping plan" in text


def test_a_long_plan_shrinks_the_type_to_stay_on_one_page() -> None:
    data, pages = coping_plan_pdf(plan_version(extra_items=12), zone=UTC_ZONE)
    assert pages == 1
    assert "Extra warning sign number 11" in _text(data)


def test_a_plan_too_long_for_one_page_spills_over_rather_than_losing_words() -> None:
    data, pages = coping_plan_pdf(plan_version(extra_items=80), zone=UTC_ZONE)
    assert pages > 1
    assert "Extra warning sign number 79" in _text(data)
    assert len(SIZES) > 1


def test_phone_numbers_are_bold_and_other_numbers_are_not() -> None:
    runs = emphasise_phone_numbers("Samaritans — 116 123, call at 10 or text 07700 900123")
    bold = [run.text for run in runs if run.bold]
    assert bold == ["116 123", "07700 900123"]
    assert (
        "".join(run.text for run in runs) == "Samaritans — 116 123, call at 10 or text 07700 900123"
    )
    assert all(not run.bold for run in emphasise_phone_numbers("5-4-3-2-1 grounding"))


def test_empty_sections_are_still_listed_so_the_mentee_can_fill_them_in() -> None:
    full = plan_version()
    partial = CopingPlanVersion(
        id=full.id,
        mentee_id=full.mentee_id,
        version=1,
        saved_at=full.saved_at,
        sections={PlanSection.WHAT_MATTERS: ["My little sister"]},
    )
    doc = coping_plan_document(partial, zone=UTC_ZONE)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert len(headings) == 7
    assert doc.plain_text().count("(nothing written yet)") == 6
