"""The evaluation sets, each reported on its own (docs/anonymiser.md has the latest table).

- ``synth-dev``: our own generator, the seed the rules were tuned on.
- ``synth-test``: the same generator, a seed never looked at while tuning.
- ``locales-dev`` / ``locales-test``: Faker's Irish, British, Indian, Nigerian, Polish and US
  people, places and companies in our sentence shapes (dev may be tuned on, test never).
- ``presidio``: presidio-evaluator's own templates and fake-data generator (nobody on the team
  wrote them); what we do not claim to find (countries, titles, nationalities) is neutral.
- ``brief-dev`` to ``brief-dev6``: notes written outside the code from a one-paragraph brief, with
  the writer's gold spans and must-stay words (``evaluation/data/brief_dev*.jsonl``); development
  sets, by eight writers who never saw the code (brief-dev3 is two writers' notes, one leaning to
  the Americas, Oceania and South Africa, one to the UK, Ireland, Asia, Africa, Poland; brief-dev4
  is two more, one leaning to Scotland, Wales, Canada, Kenya, the Philippines and everyday-word
  venues, one to clinically rich US, Australian, New Zealand, Indian, Nigerian and Irish notes;
  brief-dev5 is two more, one leaning to US and Canadian veterans' and recovery services with
  billing-style notes, one to UK and Irish students and estates and to India, Nigeria, Kenya and
  Poland; brief-dev6 is two more, one leaning to Aboriginal and Maori health workers, NDIS,
  South Africa, the Philippines, Scottish throughcare and prison leavers, one to Canada's First
  Nations and Ontario services, US drug courts and Medicaid, Ireland and Northern Ireland, Indian
  and Nigerian students and disabled students' mentors in UK universities).
- ``brief-test``: a third writer's notes from the same brief (``evaluation/data/brief_test.jsonl``):
  a test split, scored and never inspected; its first score was taken before anyone read it.
- ``brief-test2``: 200 more notes by two more writers from the same brief
  (``evaluation/data/brief_test2.jsonl``), one writing a typical caseload across England, Northern
  Ireland, Ireland, the US, Canada, India and Nigeria, one across Scotland, Wales, England,
  Australia, New Zealand, South Africa, Kenya, the Philippines and Poland; scored, never inspected.
- ``heldout``: notes written outside the team with gold spans, kept OUTSIDE the repository (a
  test set must not be within reach of whoever tunes the rules): the file named by
  ``--heldout FILE`` or the ``MENTORJOURNAL_HELDOUT`` environment variable; only ever scored.

Faker and presidio-evaluator are evaluation dependencies (``pip install -e '.[eval]'``,
installed by ``make eval``); a set whose dependency or file is missing is reported as skipped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: Where the held-out notes are looked for when no path is given.
HELDOUT_ENV = "MENTORJOURNAL_HELDOUT"
SYNTH_DEV_SEED = 1
SYNTH_TEST_SEED = 20261207


@dataclass
class EvalNote:
    id: str
    text: str
    known: dict[str, Any]
    gold: list[dict[str, Any]]
    keep: list[tuple[int, int]] = field(default_factory=list)
    #: Spans neither to find nor to count against precision (what we do not claim: countries...).
    neutral: list[tuple[int, int]] = field(default_factory=list)


class SetUnavailable(Exception):
    """The set's dependency or file is missing; the report says so instead of a number."""


def synth(n: int, seed: int) -> list[Any]:
    from mentorjournal.anonymise.evaluation.synth import generate

    return list(generate(n, seed))


def locales(n: int, seed: int) -> list[Any]:
    try:
        from mentorjournal.anonymise.evaluation.locales import generate_locale_notes

        return list(generate_locale_notes(n, seed))
    except ImportError as exc:
        raise SetUnavailable("needs Faker: pip install -e '.[eval]'") from exc


#: presidio-evaluator's entity types -> our categories; None = neutral (not an identifier we claim).
PRESIDIO_TYPES: dict[str, str | None] = {
    **dict.fromkeys(
        ["person", "name", "first_name", "first_name_male", "first_name_female", "first_name_nonbinary",
         "last_name", "last_name_male", "last_name_female", "name_male", "name_female"], "name"),
    **dict.fromkeys(["address", "street_address", "street_name", "building_number", "secondary_address"], "address"),
    "postcode": "postcode", "zipcode": "zip", "city": "place", "phone_number": "phone", "email": "email",
    "url": "url", "domain_name": "url",
    **dict.fromkeys(["ssn", "iban", "credit_card_number", "credit_card", "us_driver_license", "ip_address",
                     "passport", "bban", "swift"], "id_number"),
    **dict.fromkeys(["date_time", "date_of_birth", "birthday", "date"], "date"),
    "age": "age", "organization": "organisation", "company": "organisation", "hospital": "organisation",
}  # fmt: skip


def presidio(n: int, seed: int) -> list[EvalNote]:
    try:
        from presidio_evaluator.data_generator import PresidioSentenceFaker
    except ImportError as exc:
        raise SetUnavailable("needs presidio-evaluator: pip install -e '.[eval]'") from exc
    import contextlib
    import io

    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        faker = PresidioSentenceFaker(
            "en_US", lower_case_ratio=0.05, random_seed=seed, entity_type_mapping={"_": "_"}
        )
        samples = faker.generate_new_fake_sentences(n)
    notes: list[EvalNote] = []
    for k, sample in enumerate(samples):
        gold: list[dict[str, Any]] = []
        neutral: list[tuple[int, int]] = []
        for span in sample.spans:
            category = PRESIDIO_TYPES.get(str(span.entity_type).lower())
            if category is None:
                neutral.append((span.start_position, span.end_position))
            else:
                gold.append({"start": span.start_position, "end": span.end_position,
                             "category": category, "known": False})  # fmt: skip
        notes.append(EvalNote(f"presidio-{seed}-{k}", sample.full_text, {}, gold, [], neutral))
    return notes


def heldout_path() -> Path | None:
    """The held-out file named by the environment, or None: it never lives in the repository."""
    value = os.environ.get(HELDOUT_ENV, "").strip()
    return Path(value) if value else None


def heldout(path: Path | None = None) -> list[EvalNote]:
    """Read held-out notes (JSON lines ``{"id","text","known","gold","keep"}``)."""
    path = path or heldout_path()
    if path is None:
        raise SetUnavailable(
            f"pass --heldout FILE or set {HELDOUT_ENV} (kept outside the repository)"
        )
    if not path.exists():
        raise SetUnavailable(f"{path} is not there")
    return _read_jsonl(path)


def _read_jsonl(path: Path) -> list[EvalNote]:
    notes = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                d = json.loads(line)
                notes.append(EvalNote(str(d["id"]), d["text"], d.get("known") or {}, d["gold"],
                                      [(int(k[0]), int(k[1])) for k in d.get("keep", [])]))  # fmt: skip
    return notes


#: Notes written by people outside the code from a one-paragraph brief (invented people and
#: places, gold spans by each writer), by set name.
BRIEF_FILES = {
    "brief-dev": Path(__file__).parent / "data" / "brief_dev.jsonl",
    "brief-dev2": Path(__file__).parent / "data" / "brief_dev2.jsonl",
    "brief-dev3": Path(__file__).parent / "data" / "brief_dev3.jsonl",
    "brief-dev4": Path(__file__).parent / "data" / "brief_dev4.jsonl",
    "brief-dev5": Path(__file__).parent / "data" / "brief_dev5.jsonl",
    "brief-dev6": Path(__file__).parent / "data" / "brief_dev6.jsonl",
    "brief-test": Path(__file__).parent / "data" / "brief_test.jsonl",
    "brief-test2": Path(__file__).parent / "data" / "brief_test2.jsonl",
}
BRIEF_DEV_FILE = BRIEF_FILES["brief-dev"]


def brief_notes(path: Path) -> list[EvalNote]:
    """Notes from a brief, read from the repository (the same format as the held-out file)."""
    if not path.exists():
        raise SetUnavailable(f"{path} is not there (it ships with a source checkout only)")
    return _read_jsonl(path)


def brief_dev(path: Path = BRIEF_DEV_FILE) -> list[EvalNote]:
    """The first brief-dev set."""
    return brief_notes(path)


SETS: dict[str, Callable[[int], list[Any]]] = {
    "synth-dev": lambda n: synth(n, SYNTH_DEV_SEED),
    "synth-test": lambda n: synth(n, SYNTH_TEST_SEED),
    "locales-dev": lambda n: locales(n, 101),
    "locales-test": lambda n: locales(n, 90210),
    "presidio-dev": lambda n: presidio(n, 4242),
    "presidio-test": lambda n: presidio(n, 777),
    "brief-dev": lambda n: brief_notes(BRIEF_FILES["brief-dev"]),
    "brief-dev2": lambda n: brief_notes(BRIEF_FILES["brief-dev2"]),
    "brief-dev3": lambda n: brief_notes(BRIEF_FILES["brief-dev3"]),
    "brief-dev4": lambda n: brief_notes(BRIEF_FILES["brief-dev4"]),
    "brief-dev5": lambda n: brief_notes(BRIEF_FILES["brief-dev5"]),
    "brief-dev6": lambda n: brief_notes(BRIEF_FILES["brief-dev6"]),
    "brief-test": lambda n: brief_notes(BRIEF_FILES["brief-test"]),
    "brief-test2": lambda n: brief_notes(BRIEF_FILES["brief-test2"]),
    "heldout": lambda n: heldout(),
}
