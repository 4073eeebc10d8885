-- Attendance: every appointment ends as attended, cancelled (by the mentee, the mentor or the
-- service), did not attend, or ended early; cancellations, DNAs and early ends carry a reason,
-- an early end the minutes actually held and whether it was agreed (DSA-QAG supplier guidance:
-- a session log with cancellations and early ends and their reasons). SQLite cannot change a
-- CHECK, so the table is rebuilt; its rows keep their ids, and outcomes recorded before
-- reasons existed keep an empty one. Nothing references `appointments`, so the drop cascades
-- nowhere.
CREATE TABLE appointments_rebuilt (
    id               TEXT PRIMARY KEY,
    mentee_id        TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    starts_at        TEXT NOT NULL,
    minutes          INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 1440),
    mode             TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video', 'text')),
    status           TEXT NOT NULL DEFAULT 'planned'
                     CHECK (status IN ('planned', 'attended', 'cancelled_by_mentee',
                                       'cancelled_by_mentor', 'cancelled_by_service',
                                       'did_not_attend', 'ended_early')),
    note_id          TEXT REFERENCES session_notes(id) ON DELETE SET NULL,
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    reason           TEXT NOT NULL DEFAULT '',
    held_minutes     INTEGER CHECK (held_minutes IS NULL OR held_minutes BETWEEN 1 AND minutes - 1),
    early_end_agreed INTEGER CHECK (early_end_agreed IS NULL OR early_end_agreed IN (0, 1)),
    CHECK ((status = 'ended_early') = (held_minutes IS NOT NULL AND early_end_agreed IS NOT NULL)),
    CHECK (status = 'ended_early' OR (held_minutes IS NULL AND early_end_agreed IS NULL))
) STRICT;

INSERT INTO appointments_rebuilt(id, mentee_id, starts_at, minutes, mode, status, note_id, notes,
                             created_at, updated_at)
SELECT id, mentee_id, starts_at, minutes, mode, status, note_id, notes, created_at, updated_at
FROM appointments ORDER BY rowid;

DROP TABLE appointments;
ALTER TABLE appointments_rebuilt RENAME TO appointments;
CREATE INDEX appointments_by_start ON appointments(starts_at);
CREATE INDEX appointments_by_mentee ON appointments(mentee_id, starts_at);
CREATE INDEX appointments_by_note ON appointments(note_id) WHERE note_id IS NOT NULL;

-- Hours allocated to a mentee per month, term or academic year (a DSA award, a commissioned
-- package): the timesheet's summary counts hours held against it. One row per mentee, keyed by
-- the mentee's id so sync replicates it like every record; erased with the mentee.
CREATE TABLE hour_allocations (
    id         TEXT PRIMARY KEY REFERENCES mentees(id) ON DELETE CASCADE,
    mentee_id  TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE CHECK (mentee_id = id),
    minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 15 AND 120000),
    per        TEXT NOT NULL CHECK (per IN ('month', 'term', 'year')),
    updated_at TEXT NOT NULL
) STRICT;
