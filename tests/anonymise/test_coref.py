"""One person, one pseudonym: every way a note names someone resolves to one label."""

from __future__ import annotations

import re

from mentorjournal.anonymise import Anonymiser, Known
from mentorjournal.anonymise.coref import compatible_given, parse_name
from mentorjournal.anonymise.nicknames import same_given_name

TAMSIN = Known.from_dict({"mentee": {"first_name": "Tamsin", "last_name": "Jones"}})


def _labels(text: str) -> list[str]:
    return re.findall(r"(?:Mentee|Person|Friend|Parent|Sibling|Relative|Teacher) [A-Z0-9]+", text)


def test_full_name_first_name_possessive_and_slip_share_one_label() -> None:
    anonymiser = Anonymiser()
    out = [
        anonymiser.anonymise(t, Known()).text
        for t in (
            "Met Jordan Ellery at lunch.",
            "Jordan said it went well; Jordan's mum agreed.",
            "Later Jordna texted.",
        )
    ]
    assert set(_labels(" ".join(out))) == {"Person A"}, out


def test_a_first_name_seen_before_the_full_name_joins_it() -> None:
    anonymiser = Anonymiser()
    first = anonymiser.anonymise("Sam came along.", Known()).text
    second = anonymiser.anonymise("Sam Okafor was late; Sammy apologised.", Known()).text
    assert _labels(first) == ["Person A"]
    assert set(_labels(second)) == {"Person A"}


def test_two_people_with_one_surname_stay_two() -> None:
    out = Anonymiser().anonymise("Grace Okafor and Emeka Okafor argued.", Known()).text
    assert _labels(out) == ["Person A", "Person B"]


def test_a_relative_who_shares_the_mentees_surname_is_not_the_mentee() -> None:
    out = Anonymiser().anonymise("Tamsin said Mr Jones shouted at Tamsin.", TAMSIN).text
    assert "Mr Mentee" not in out
    assert out.startswith("Mentee A said Mr ") and out.endswith("shouted at Mentee A.")


def test_mr_and_mrs_of_one_family_are_two_people_but_each_keeps_a_label() -> None:
    out = Anonymiser().anonymise("Mr Jones came, then Mrs Jones. Mr Jones left.", TAMSIN).text
    labels = _labels(out)
    assert len(labels) == 3 and labels[0] == labels[2] and labels[0] != labels[1]


def test_a_titled_surname_joins_the_one_known_contact_with_it() -> None:
    known = Known.from_dict(
        {
            "mentee": {"first_name": "Tamsin", "last_name": "Jones"},
            "contacts": [{"name": "Dave Jones", "relation": "father"}],
        }
    )
    out = Anonymiser().anonymise("Dave rang. Later Mr Jones came in.", known).text
    assert out == "Parent 1 rang. Later Mr Parent 1 came in."


def test_an_alias_written_beside_a_name_joins_it() -> None:
    anonymiser = Anonymiser()
    out = anonymiser.anonymise("Grace Okafor (known as Gigi) came; Gigi said hi.", Known()).text
    assert set(_labels(out)) == {"Person A"}, out


def test_a_known_person_keeps_the_vault_role_through_every_form() -> None:
    known = Known.from_dict(
        {
            "mentee": {"first_name": "Tamsin"},
            "contacts": [{"name": "Priya Sharma", "relation": "sister"}],
        }
    )
    out = Anonymiser().anonymise("Priya Sharma came. Later Priya and priya's friend.", known).text
    assert set(_labels(out)) == {"Sibling 1"}, out


def test_nicknames_come_from_a_table_and_a_short_form_rule() -> None:
    assert same_given_name("bex", "rebecca") or compatible_given("becky", "rebecca")
    assert same_given_name("bill", "william")
    assert same_given_name("sam", "samuel") and same_given_name("sammy", "samuel")
    assert not same_given_name("sam", "jordan")
    assert not compatible_given("jo", "jon")  # two letters: no slip allowed


def test_parse_name_sees_titles_initials_and_full_names() -> None:
    assert parse_name("Jones", "mr").family == "jones"
    assert parse_name("S.J.").initials == "SJ"
    assert (parse_name("Siân Jones").given, parse_name("Siân Jones").family) == ("sian", "jones")
    assert parse_name("Sam's").single == "sam"
