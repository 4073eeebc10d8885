"""People named in ways the name rules used to leave: a first name that is also a word at the
head of a structured note line or after a verb whose object is a person, "Big"/"Lil" names, a
name before a dash and a relation, lower-case names listed beside a name, and a person spoken
to. Every example is invented here; each rule also has look-alikes that must stay."""

from __future__ import annotations

import pytest

from mentorjournal.anonymise import Detector, Known

from .conftest import spans_of

EMPTY = Detector(Known())


def found(text: str) -> list[tuple[str, str]]:
    return spans_of(text, EMPTY.find(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("B: Member calm.\nR: Carol engaged well and said it helped.", ("Carol", "name")),
        ("P: Jewel will ring the housing team on Monday.", ("Jewel", "name")),
        ("I: Worker helped Hunter complete the form.", ("Hunter", "name")),
        ("Her sponsor is Big Dunc, they talk most days.", ("Big Dunc", "name")),
        ("He hangs about with Lil Tay from the estate.", ("Lil Tay", "name")),
        ("Arrived late. Said Rob - her downstairs neighbour - was shouting.", ("Rob", "name")),
        ("Spoke to Ruth and temitope about the move.", ("temitope", "name")),
        ("Spoke to Wendell (sp?) and oyelaran about college.", ("oyelaran", "name")),
        ("Spoke to Vrengold about the flat.", ("Vrengold", "name")),
        ("Visited Mrs Harrop (Pat), 81, at home.", ("Pat", "name")),
        ("tuesday - jaz texted at 9 asking to meet.", ("jaz", "name")),
        ("mentoring w ro (rohan desai, 16) - went ok", ("ro", "name")),
        ("quick note - tariq - 3 dec\nmet at the library.", ("tariq", "name")),
        ("peer session - kez\nwalked round the park.", ("kez", "name")),
        ("her sister rang. fran's son lives in the flat now.", ("fran", "name")),
        ("plan: move to days if jonno agrees.", ("jonno", "name")),
    ],
)
def test_people_named_the_way_notes_name_them(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text)


def test_a_word_name_found_once_is_found_at_its_other_mentions() -> None:
    text = "R: Hunter engaged today.\nP: Meet at the library. Hunter to bring his letter."
    assert [s for s in found(text) if s[0] == "Hunter"] == [("Hunter", "name")] * 2


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("S: Link to her page is in the file.", "Link"),
        ("P: Will see him Monday at the hub.", "Will"),
        ("A: Hope is returning slowly.", "Hope"),
        ("Seen by Dr Okafor, dicsharged to the crisis team.", "dicsharged"),
        ("Spoke to Ruth and mum about the move.", "mum"),
        ("Spoke to Ruth and sertraline came up.", "sertraline"),
        ("She is a big fan of the band.", "big"),
        ("O: Calm - her mood 6/10 - settled.", "Calm"),
        ("the dwp rang and the gp rang back.", "dwp"),
        ("His ma (Mary) rang the office.", "ma"),
        ("the landlrod rang twice.", "landlrod"),
        ("peer session - weekly\nwalked round the park.", "weekly"),
        ("quick note - fyi - running late", "fyi"),
        ("everyone's mum came to the show.", "everyone"),
    ],
)
def test_look_alikes_stay(text: str, kept: str) -> None:
    start = text.index(kept)
    assert not any(i.start < start + len(kept) and start < i.end for i in EMPTY.find(text))


KNOWN = Detector(
    Known.from_dict(
        {
            "mentee": {"first_name": "Gemma", "last_name": "Roe"},
            "contacts": [{"name": "Declan Moore", "relation": "partner"}],
        }
    )
)


@pytest.mark.parametrize(
    ("text", "short", "who"),
    [
        ("Met at the drop-in. Gem was upset at the start.", "Gem", "mentee"),
        ("She and Dec are talking about moving in.", "Dec", "contact:partner"),
    ],
)
def test_a_clipped_known_name_that_is_a_word_counts_beside_a_persons_word(
    text: str, short: str, who: str
) -> None:
    start = text.index(short)
    assert any(i.start == start and i.who == who for i in KNOWN.find(text))


@pytest.mark.parametrize(
    "text", ["A gem of a place, she said.", "Next review is Dec 5 at the hub."]
)
def test_a_clipped_known_name_without_a_persons_word_is_not_the_person(text: str) -> None:
    assert not any(i.who is not None for i in KNOWN.find(text))
