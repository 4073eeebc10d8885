"""A detector reused over many paragraphs (a supervision summary) finds what a fresh one finds.

The known-name lookup is remembered per written word. These texts would go wrong if it were
remembered per lower-cased word: "sam" (an everyday word here) and "Sam" (a short form of the
mentee's "Samuel") must stay apart in whichever order a detector meets them.
"""

from __future__ import annotations

from mentorjournal.anonymise.detector import Detector
from mentorjournal.anonymise.known import Known

KNOWN = {"mentee": {"first_name": "Samuel", "last_name": "Okafor"}}
TEXTS = (
    "The sam sat by the door.",
    "Sam sat with us later; sam again.",
    "Later SAMUEL and sam.",
    "Then Sam's mum called about Sam.",
)


def _names(detector: Detector, text: str) -> list[tuple[str, str | None]]:
    return [(text[i.start : i.end], i.who) for i in detector.find_known(text)]


def test_one_detector_over_many_texts_finds_what_fresh_detectors_find() -> None:
    known = Known.from_dict(KNOWN)
    for texts in (TEXTS, TEXTS[::-1]):
        reused = Detector(known)
        for text in texts:
            assert _names(reused, text) == _names(Detector(known), text)


def test_short_form_only_when_written_as_a_name() -> None:
    detector = Detector(Known.from_dict(KNOWN))
    assert _names(detector, TEXTS[0]) == []
    assert _names(detector, TEXTS[1]) == [("Sam", "mentee")]
