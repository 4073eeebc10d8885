"""Roads named by their number are addresses (invented places); bus routes and lists stay."""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Known, find_identifiers


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[i.start : i.end], i.category.value) for i in find_identifiers(text, Known())]


@pytest.mark.parametrize(
    ("text", "road"),
    [
        ("Met him at the diner on Hwy 412 like always.", "Hwy 412"),
        ("Home visit, FM 2093 outside town, dogs loose.", "FM 2093"),
        ("Her trailer is on Rte 517 near the feed store.", "Rte 517"),
        ("Office: 4120 State Route 33 E, second floor.", "4120 State Route 33 E"),
        ("They live off County Road 18 past the church.", "County Road 18"),
        ("Lives on Ave 209 with her aunt.", "Ave 209"),
    ],
)
def test_a_numbered_road_where_someone_is_is_an_address(text: str, road: str) -> None:
    assert (road, "address") in spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Took the Route 7 bus home after the session.",
        "Year 10, Road 2 of the programme went well.",
        "PHQ-9 14, GAD-7 9; mood 4/10.",
        "Module 3, Route 2 of the workbook done.",
    ],
)
def test_bus_routes_and_numbered_steps_stay(text: str) -> None:
    assert [t for t, c in spans(text) if c == "address"] == []
