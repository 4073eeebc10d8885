-- The journal: mentees and everything of theirs, session notes with sign & lock, goals, coping
-- plans, reflections, supervision and CPD. Times are UTC ISO-8601 text, dates ISO 'YYYY-MM-DD',
-- lists are JSON text. Everything that belongs to a mentee cascades from `mentees`, so erasing
-- a mentee is one DELETE (plus the search index, which the repository clears in the same
-- transaction).

-- A row here, for the length of one erase transaction, lets that mentee's signed notes and
-- addenda be deleted. No other path can delete a signed record.
CREATE TABLE erasure_in_progress (
    mentee_id TEXT PRIMARY KEY
) STRICT;

CREATE TABLE mentees (
    id              TEXT PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) BETWEEN 1 AND 32),
    legal_name      TEXT,
    first_name      TEXT,
    last_name       TEXT,
    preferred_name  TEXT,
    date_of_birth   TEXT,
    phone           TEXT,
    email           TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'closed')),
    started_on      TEXT,
    status_since    TEXT,
    closed_on       TEXT,
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    retention_until TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK (archived = 0 OR (status = 'closed' AND retention_until IS NOT NULL))
) STRICT;

CREATE TABLE contacts (
    id        TEXT PRIMARY KEY,
    mentee_id TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    name      TEXT NOT NULL CHECK (length(name) > 0),
    role      TEXT NOT NULL CHECK (role IN ('parent', 'partner', 'friend', 'sibling', 'clinician',
                                            'teacher', 'employer', 'other')),
    relation  TEXT NOT NULL DEFAULT '',
    phone     TEXT,
    email     TEXT,
    notes     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX contacts_by_mentee ON contacts(mentee_id);

CREATE TABLE places (
    id        TEXT PRIMARY KEY,
    mentee_id TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    name      TEXT NOT NULL CHECK (length(name) > 0),
    kind      TEXT NOT NULL CHECK (kind IN ('town', 'school', 'workplace', 'hospital', 'clinic',
                                            'other')),
    notes     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX places_by_mentee ON places(mentee_id);

CREATE TABLE consents (
    id           TEXT PRIMARY KEY,
    mentee_id    TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    what         TEXT NOT NULL CHECK (length(what) > 0),
    with_whom    TEXT NOT NULL,
    given_on     TEXT NOT NULL,
    how          TEXT NOT NULL CHECK (how IN ('verbal', 'written', 'electronic')),
    withdrawn_on TEXT,
    review_on    TEXT,
    notes        TEXT NOT NULL DEFAULT '',
    CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on)
) STRICT;
CREATE INDEX consents_by_mentee ON consents(mentee_id);

CREATE TABLE resources (
    id          TEXT PRIMARY KEY,
    mentee_id   TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(name) > 0),
    kind        TEXT NOT NULL DEFAULT '',
    contact     TEXT NOT NULL DEFAULT '',
    referred_on TEXT,
    outcome     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX resources_by_mentee ON resources(mentee_id);

CREATE TABLE session_notes (
    id                      TEXT PRIMARY KEY,
    mentee_id               TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    started_at              TEXT NOT NULL,
    duration_minutes        INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
    mode                    TEXT NOT NULL CHECK (mode IN ('in_person', 'phone', 'video', 'text')),
    template                TEXT NOT NULL CHECK (template IN ('free', 'soap', 'dap', 'birp', 'girp')),
    sections                TEXT NOT NULL,
    first_line              TEXT NOT NULL DEFAULT '',
    mood_before             INTEGER CHECK (mood_before BETWEEN 0 AND 10),
    mood_after              INTEGER CHECK (mood_after BETWEEN 0 AND 10),
    risk_flag               INTEGER NOT NULL DEFAULT 0 CHECK (risk_flag IN (0, 1)),
    risk_followup           TEXT NOT NULL DEFAULT '',
    goal_ids                TEXT NOT NULL DEFAULT '[]',
    coping_items_used       TEXT NOT NULL DEFAULT '[]',
    next_actions            TEXT NOT NULL DEFAULT '',
    flagged_for_supervision INTEGER NOT NULL DEFAULT 0 CHECK (flagged_for_supervision IN (0, 1)),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL,
    signed_at               TEXT,
    signature               TEXT CHECK (signature IS NULL OR length(signature) = 64),
    CHECK ((signed_at IS NULL) = (signature IS NULL))
) STRICT;
CREATE INDEX session_notes_by_mentee ON session_notes(mentee_id, started_at);
CREATE INDEX session_notes_by_start ON session_notes(started_at);

-- Sign & lock, enforced below the repository too: a signed note's content never changes ...
CREATE TRIGGER session_notes_signed_no_update
BEFORE UPDATE OF id, mentee_id, started_at, duration_minutes, mode, template, sections,
    first_line, mood_before, mood_after, risk_flag, risk_followup, goal_ids, coping_items_used,
    next_actions, created_at, signed_at, signature ON session_notes
WHEN OLD.signed_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed note cannot be changed');
END;

-- ... and a signed note is deleted only when its whole mentee is being erased.
CREATE TRIGGER session_notes_signed_no_delete
BEFORE DELETE ON session_notes
WHEN OLD.signed_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: a signed note cannot be deleted');
END;

CREATE TABLE addenda (
    id         TEXT PRIMARY KEY,
    note_id    TEXT NOT NULL REFERENCES session_notes(id) ON DELETE CASCADE,
    mentee_id  TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    written_at TEXT NOT NULL,
    text       TEXT NOT NULL CHECK (length(text) > 0),
    prev_hash  TEXT NOT NULL CHECK (length(prev_hash) = 64),
    hash       TEXT NOT NULL CHECK (length(hash) = 64),
    UNIQUE (note_id, seq)
) STRICT;
CREATE INDEX addenda_by_mentee ON addenda(mentee_id);

CREATE TRIGGER addenda_only_on_signed_notes
BEFORE INSERT ON addenda
WHEN NOT EXISTS (SELECT 1 FROM session_notes
                 WHERE id = NEW.note_id AND mentee_id = NEW.mentee_id AND signed_at IS NOT NULL)
BEGIN
    SELECT RAISE(ABORT, 'an addendum belongs to a signed note of the same mentee');
END;

CREATE TRIGGER addenda_no_update
BEFORE UPDATE ON addenda
BEGIN
    SELECT RAISE(ABORT, 'record signed: addenda are append-only');
END;

CREATE TRIGGER addenda_no_delete
BEFORE DELETE ON addenda
WHEN NOT EXISTS (SELECT 1 FROM erasure_in_progress WHERE mentee_id = OLD.mentee_id)
BEGIN
    SELECT RAISE(ABORT, 'record signed: addenda are append-only');
END;

CREATE TABLE goals (
    id           TEXT PRIMARY KEY,
    mentee_id    TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    mentee_words TEXT NOT NULL CHECK (length(mentee_words) > 0),
    specific     TEXT NOT NULL DEFAULT '',
    measurable   TEXT NOT NULL DEFAULT '',
    achievable   TEXT NOT NULL DEFAULT '',
    relevant     TEXT NOT NULL DEFAULT '',
    time_bound   TEXT,
    gas_levels   TEXT NOT NULL DEFAULT '[]',
    status       TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'paused', 'dropped')),
    weight       INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX goals_by_mentee ON goals(mentee_id, created_at);

CREATE TABLE goal_steps (
    id       TEXT PRIMARY KEY,
    goal_id  TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL CHECK (length(text) > 0),
    due_on   TEXT,
    done     INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    UNIQUE (goal_id, position)
) STRICT;

CREATE TABLE goal_progress (
    id         TEXT PRIMARY KEY,
    goal_id    TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
    on_date    TEXT NOT NULL,
    gas_level  INTEGER CHECK (gas_level BETWEEN -2 AND 2),
    percent    INTEGER CHECK (percent BETWEEN 0 AND 100),
    note       TEXT NOT NULL DEFAULT '',
    session_id TEXT REFERENCES session_notes(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    CHECK (gas_level IS NOT NULL OR percent IS NOT NULL)
) STRICT;
CREATE INDEX goal_progress_by_goal ON goal_progress(goal_id, on_date);

CREATE TABLE coping_plan_versions (
    id        TEXT PRIMARY KEY,
    mentee_id TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    version   INTEGER NOT NULL CHECK (version >= 1),
    saved_at  TEXT NOT NULL,
    sections  TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    UNIQUE (mentee_id, version)
) STRICT;

-- Every saved version is kept as it was: a revision is a new version, never an edit.
CREATE TRIGGER coping_plan_versions_no_update
BEFORE UPDATE ON coping_plan_versions
BEGIN
    SELECT RAISE(ABORT, 'plan versions are kept as saved; save a new version instead');
END;

CREATE TABLE reflections (
    id                      TEXT PRIMARY KEY,
    mentee_id               TEXT REFERENCES mentees(id) ON DELETE CASCADE,
    session_id              TEXT REFERENCES session_notes(id) ON DELETE SET NULL,
    written_at              TEXT NOT NULL,
    title                   TEXT NOT NULL CHECK (length(title) > 0),
    model                   TEXT NOT NULL CHECK (model IN ('free', 'gibbs', 'driscoll', 'kolb')),
    sections                TEXT NOT NULL,
    tags                    TEXT NOT NULL DEFAULT '[]',
    flagged_for_supervision INTEGER NOT NULL DEFAULT 0 CHECK (flagged_for_supervision IN (0, 1)),
    energy                  INTEGER CHECK (energy BETWEEN 0 AND 10),
    stress                  INTEGER CHECK (stress BETWEEN 0 AND 10),
    boundaries              INTEGER CHECK (boundaries BETWEEN 0 AND 10),
    created_at              TEXT NOT NULL,
    updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX reflections_by_time ON reflections(written_at);
CREATE INDEX reflections_by_mentee ON reflections(mentee_id, written_at);

CREATE TABLE supervision_sessions (
    id         TEXT PRIMARY KEY,
    held_on    TEXT NOT NULL,
    supervisor TEXT NOT NULL CHECK (length(supervisor) > 0),
    discussion TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX supervision_by_date ON supervision_sessions(held_on);

-- mentee_id (when the item came from a mentee's record) lets erasure take the item with it.
CREATE TABLE supervision_items (
    id             TEXT PRIMARY KEY,
    supervision_id TEXT NOT NULL REFERENCES supervision_sessions(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    question       TEXT NOT NULL CHECK (length(question) > 0),
    function       TEXT NOT NULL CHECK (function IN ('normative', 'formative', 'restorative')),
    focus          TEXT CHECK (focus IN ('mentee', 'interventions', 'relationship', 'mentor',
                                         'parallel_process', 'supervisor', 'wider_context')),
    source_kind    TEXT NOT NULL CHECK (source_kind IN ('reflection', 'note', 'other')),
    source_id      TEXT,
    mentee_id      TEXT REFERENCES mentees(id) ON DELETE CASCADE,
    UNIQUE (supervision_id, position)
) STRICT;
CREATE INDEX supervision_items_by_mentee ON supervision_items(mentee_id);
CREATE INDEX supervision_items_by_source ON supervision_items(source_id);

CREATE TABLE supervision_actions (
    id             TEXT PRIMARY KEY,
    supervision_id TEXT NOT NULL REFERENCES supervision_sessions(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT NOT NULL CHECK (length(text) > 0),
    owner          TEXT NOT NULL DEFAULT '',
    due_on         TEXT,
    done           INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
    UNIQUE (supervision_id, position)
) STRICT;

CREATE TABLE cpd_entries (
    id         TEXT PRIMARY KEY,
    activity   TEXT NOT NULL CHECK (length(activity) > 0),
    on_date    TEXT NOT NULL,
    hours      REAL NOT NULL CHECK (hours > 0 AND hours <= 1000),
    kind       TEXT NOT NULL DEFAULT '',
    learning   TEXT NOT NULL DEFAULT '',
    evidence   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX cpd_by_date ON cpd_entries(on_date);
