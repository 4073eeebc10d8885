"""The kinds of identifier the anonymiser finds; the values are the strings the CLI writes."""

from __future__ import annotations

from enum import StrEnum


class Category(StrEnum):
    """One kind of identifier: HIPAA Safe Harbor's list plus UK practice (NHS/NI numbers, schools)."""

    NAME = "name"
    DATE = "date"
    AGE = "age"
    PHONE = "phone"
    EMAIL = "email"
    URL = "url"
    HANDLE = "handle"
    ID_NUMBER = "id_number"
    ADDRESS = "address"
    POSTCODE = "postcode"
    ZIP = "zip"
    PLACE = "place"
    ORGANISATION = "organisation"
