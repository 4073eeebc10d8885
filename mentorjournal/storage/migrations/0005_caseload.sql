-- Caseload: appointments with their outcome, outcome measures (PHQ-9, GAD-7), the mentee's own
-- 0-10 scales, and risk follow-ups that stay open until the mentor closes them. Everything
-- cascades from `mentees`, so erasing a mentee takes these rows too. Times are UTC ISO-8601
-- text, dates ISO 'YYYY-MM-DD'.

CREATE TABLE appointments (
    id         TEXT PRIMARY KEY,
    mentee_id  TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    starts_at  TEXT NOT NULL,
    minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 5 AND 1440),
    mode       TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video', 'text')),
    status     TEXT NOT NULL DEFAULT 'planned'
               CHECK (status IN ('planned', 'attended', 'cancelled_by_mentee',
                                 'cancelled_by_mentor', 'did_not_attend')),
    note_id    TEXT REFERENCES session_notes(id) ON DELETE SET NULL,
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_by_start ON appointments(starts_at);
CREATE INDEX appointments_by_mentee ON appointments(mentee_id, starts_at);
CREATE INDEX appointments_by_note ON appointments(note_id) WHERE note_id IS NOT NULL;

CREATE TABLE measures (
    id         TEXT PRIMARY KEY,
    mentee_id  TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    instrument TEXT NOT NULL CHECK (instrument IN ('phq9', 'gad7')),
    taken_on   TEXT NOT NULL,
    answers    TEXT NOT NULL,
    score      INTEGER NOT NULL CHECK (score BETWEEN 0 AND 27),
    session_id TEXT REFERENCES session_notes(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX measures_by_mentee ON measures(mentee_id, instrument, taken_on);

CREATE TABLE tracked_scales (
    id         TEXT PRIMARY KEY,
    mentee_id  TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    name       TEXT NOT NULL CHECK (length(name) > 0),
    low_label  TEXT NOT NULL DEFAULT '',
    high_label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX tracked_scales_by_mentee ON tracked_scales(mentee_id);

CREATE TABLE scale_ratings (
    id         TEXT PRIMARY KEY,
    scale_id   TEXT NOT NULL REFERENCES tracked_scales(id) ON DELETE CASCADE,
    mentee_id  TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    rated_on   TEXT NOT NULL,
    value      INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX scale_ratings_by_scale ON scale_ratings(scale_id, rated_on);
CREATE INDEX scale_ratings_by_mentee ON scale_ratings(mentee_id);

CREATE TABLE risk_followups (
    id          TEXT PRIMARY KEY,
    mentee_id   TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    opened_at   TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(reason) > 0),
    source_kind TEXT NOT NULL CHECK (source_kind IN ('measure', 'note', 'other')),
    source_id   TEXT,
    closed_at   TEXT,
    outcome     TEXT NOT NULL DEFAULT '',
    CHECK (closed_at IS NULL OR closed_at >= opened_at)
) STRICT;
CREATE INDEX risk_followups_by_mentee ON risk_followups(mentee_id, opened_at);
CREATE INDEX risk_followups_open ON risk_followups(mentee_id) WHERE closed_at IS NULL;

-- The caseload asks per mentee for drafts and risk-flagged notes; these partial indexes answer
-- without reading any note's text (a full scan decrypts every page of every note).
CREATE INDEX session_notes_drafts ON session_notes(mentee_id, started_at) WHERE signed_at IS NULL;
CREATE INDEX session_notes_risky ON session_notes(mentee_id, started_at) WHERE risk_flag = 1;
