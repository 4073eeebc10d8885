"""One scan of a paragraph serves every mentee's detector (a supervision summary's shortcut)."""

from __future__ import annotations

from mentorjournal.anonymise import Known
from mentorjournal.anonymise.detector import Detector
from mentorjournal.anonymise.textutil import tokenize
from tests.anonymise.sample_note import SAMPLE_NOTE

OTHER_MENTEE = Known.from_dict(
    {
        "mentee": {"first_name": "Tobiah", "last_name": "Quillfeather"},
        "contacts": [{"name": "Adaeze Okonkwo", "relation": "mum"}],
        "phones": ["07700 900123"],
    }
)


def test_find_with_a_scan_made_by_another_detector_finds_the_same(known: Known) -> None:
    texts = [SAMPLE_NOTE, *SAMPLE_NOTE.split("\n\n"), "", "Call 07700 900123 or McDonald's."]
    mine, other = Detector(known), Detector(OTHER_MENTEE)
    for text in texts:
        scan = other.scan(text)
        assert mine.find(text, scan) == mine.find(text)
        assert other.find(text, scan) == other.find(text)


def test_the_two_mentees_find_different_people_in_the_same_scan(known: Known) -> None:
    mine, other = Detector(known), Detector(OTHER_MENTEE)
    scan = mine.scan(SAMPLE_NOTE)
    mine_known = {SAMPLE_NOTE[i.start : i.end] for i in mine.find(SAMPLE_NOTE, scan) if i.known}
    other_known = {SAMPLE_NOTE[i.start : i.end] for i in other.find(SAMPLE_NOTE, scan) if i.known}
    assert "Tobiah" in other_known
    assert mine_known != other_known


def test_find_known_with_given_tokens_is_find_known(known: Known) -> None:
    detector = Detector(known)
    assert detector.find_known(SAMPLE_NOTE, tokenize(SAMPLE_NOTE)) == detector.find_known(
        SAMPLE_NOTE
    )
