"""Appointments as an iCalendar file (RFC 5545) for the mentor's own calendar.

A calendar leaves the vault and is often synced to a phone or a shared account, so an event
carries the mentee's code, the time, the length and the mode, and nothing else: never a name,
never note content. Built with the ``icalendar`` library rather than by hand, so escaping, line
folding and time formats follow the standard.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import icalendar

from mentorjournal.domain.appointments import MODE_LABELS, AppointmentListing, AppointmentStatus

PRODID = "-//Mentor Journal//Appointments//EN"
UID_DOMAIN = "mentorjournal.invalid"
_CANCELLED = {
    AppointmentStatus.CANCELLED_BY_MENTEE,
    AppointmentStatus.CANCELLED_BY_MENTOR,
    AppointmentStatus.CANCELLED_BY_SERVICE,
    AppointmentStatus.DID_NOT_ATTEND,
}


def appointment_event(listing: AppointmentListing, stamp: datetime) -> icalendar.Event:
    """One VEVENT: code, time, length, mode and status only."""
    a = listing.appointment
    event = icalendar.Event()
    event.add("uid", f"{a.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", a.at)
    event.add("dtend", a.ends_at)
    event.add("summary", f"Mentoring session {listing.mentee_code}")
    event.add("description", f"{MODE_LABELS[a.mode]} session. {a.status.label}.")
    event.add("status", "CANCELLED" if a.status in _CANCELLED else "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("class", "PRIVATE")
    return event


def calendar_bytes(listings: Sequence[AppointmentListing], stamp: datetime) -> bytes:
    """The whole calendar, ready to write (``stamp``: when it was made, from the clock)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for listing in listings:
        calendar.add_component(appointment_event(listing, stamp))
    data: bytes = calendar.to_ical()
    return data


def write_calendar(listings: Sequence[AppointmentListing], stamp: datetime, path: Path) -> int:
    """Write ``listings`` as an .ics file (as every export is written); returns how many.

    The one entry point the CLI's ``appointment export`` and the app's "Save to calendar" share.
    """
    from mentorjournal.export.output import write_export_bytes

    write_export_bytes(path, calendar_bytes(listings, stamp))
    return len(listings)
