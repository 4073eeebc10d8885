"""Replacement: consistent pseudonyms, derived dates and ages, and the preview's keep/extra overrides."""

from __future__ import annotations

import datetime as dt

from mentorjournal.anonymise import (
    AnonymiseOptions,
    Anonymiser,
    Category,
    DateMode,
    Known,
    PseudonymMap,
    anonymise,
    remaining_known_identifiers,
)
from mentorjournal.anonymise.dates import age_band, parse_date, relative_label


def test_the_same_person_gets_the_same_pseudonym_across_notes(known: Known) -> None:
    anonymiser = Anonymiser(AnonymiseOptions(mentee_code="Mentee C"))
    one = anonymiser.anonymise("Samuel met his friend Kai and his mum Adaeze.", known)
    two = anonymiser.anonymise("Kai and Sammy argued; adaeze's phone is +44 7700 900456.", known)
    assert one.text == "Mentee C met his friend Friend A and his mum Parent 1."
    assert two.text == "Friend A and Mentee C argued; Parent 1's phone is [Phone]."


def test_roles_come_from_context_for_unknown_people() -> None:
    result = anonymise("Dr Patel and her sister Amira; my friend Zyrah.", Known())
    assert result.text == "Dr Clinician A and her sister Sibling 1; my friend Friend A."


def test_organisations_and_places_get_bracketed_labels_numbered_when_distinct() -> None:
    result = anonymise("Left Oakwood Academy for Riverside Academy; lives in Rotherham.", Known())
    assert result.text == "Left [School] for [School 2]; lives in [Town]."


def test_dates_by_month_or_relative_to_the_first_session(known: Known) -> None:
    text = "Seen 10/03/2025 and 18th March; DOB 14/03/2009."
    by_month = anonymise(text, known)
    assert by_month.text == "Seen March 2025 and March; DOB [date of birth]."
    options = AnonymiseOptions(date_mode=DateMode.RELATIVE, reference_date=dt.date(2025, 3, 3))
    relative = anonymise(text, known, options=options)
    assert relative.text == "Seen week 2, day 1 and week 3, day 2; DOB [date of birth]."


def test_ages_become_bands() -> None:
    assert (
        anonymise("she is aged 16 and her brother is 23.", Known()).text
        == "she is aged [mid-teens] and her brother is [20-29]."
    )
    assert [age_band(a) for a in (9, 13, 16, 18, 45, 93)] == [
        "under 13",
        "early teens",
        "mid-teens",
        "late teens",
        "40-49",
        "90+",
    ]


def test_replacements_report_both_offsets(known: Known) -> None:
    text = "Samuel rang 07700 900123."
    result = anonymise(text, known)
    for r in result.replacements:
        assert text[r.start : r.end] == r.original
        assert result.text[r.out_start : r.out_end] == r.replacement
    assert [r.category for r in result.replacements] == [Category.NAME, Category.PHONE]


def test_keep_restores_a_span_and_extra_redacts_a_selection(known: Known) -> None:
    text = "Samuel went to Oakwood Academy with the blue bike."
    kept = anonymise(text, known, keep=[(15, 30)])
    assert kept.text == "Mentee A went to Oakwood Academy with the blue bike."
    extra = anonymise(text, known, extra=[(40, 49)])
    assert extra.text == "Mentee A went to [School] with the [redacted]."
    assert extra.replacements[-1].manual


def test_extra_spans_that_overlap_detections_are_merged(known: Known) -> None:
    result = anonymise("Samuel Okonkwo said hi", known, extra=[(3, 10), (8, 12)])
    assert result.text == "Sam[redacted]nkwo said hi" or result.text.count("[redacted]") == 1
    assert len({(r.start, r.end) for r in result.replacements}) == len(result.replacements)


def test_remaining_known_identifiers_warns_about_restored_names(known: Known) -> None:
    restored = anonymise("Samuel was fine.", known, keep=[(0, 6)]).text
    assert [i.who for i in remaining_known_identifiers(restored, known)] == ["mentee"]
    assert remaining_known_identifiers(anonymise("Samuel was fine.", known).text, known) == []


def test_pseudonym_map_is_the_key_and_stays_explicit() -> None:
    pseudonyms = PseudonymMap("Mentee Z")
    anonymise("Saw Dr Patel.", Known(), pseudonyms=pseudonyms)
    assert pseudonyms.mapping() == {"Patel": "Clinician A"}


def test_date_parsing_reads_uk_and_us_orders() -> None:
    assert parse_date("04/12/2025") == parse_date("4 December 2025")
    assert parse_date("12/25/2025").month == 12
    assert parse_date("the 15th").day == 15
    assert relative_label(dt.date(2025, 1, 1), dt.date(2025, 1, 8)) == "1 week before week 1"
