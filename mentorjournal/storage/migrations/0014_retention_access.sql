-- Retention and access (docs/record-keeping.md).
--
-- `profile_rule_overrides`: the mentor's changes to a service profile's rules (which header
-- fields a note needs before signing, and when it is due), one row per profile that was
-- changed. A profile with no row uses the rules in the code (domain/service_profile.py).
-- `required` is a JSON list of header fields; the due columns mean what ServiceRules' do
-- (NULL: no such limit).
CREATE TABLE profile_rule_overrides (
    profile           TEXT PRIMARY KEY CHECK (profile IN (
                          'none', 'us_medicaid_peer', 'uk_dsa', 'volunteer')),
    required          TEXT NOT NULL DEFAULT '[]',
    due_business_days INTEGER CHECK (due_business_days IS NULL OR due_business_days BETWEEN 1 AND 30),
    due_hours         INTEGER CHECK (due_hours IS NULL OR due_hours BETWEEN 1 AND 720),
    crisis_due_hours  INTEGER CHECK (crisis_due_hours IS NULL OR crisis_due_hours BETWEEN 1 AND 720),
    updated_at        TEXT NOT NULL,
    CHECK (due_business_days IS NULL OR due_hours IS NULL)
) STRICT;

-- Retention periods the mentor changed from a profile's defaults (domain/retention.py), in
-- years, per profile and record type.
CREATE TABLE retention_periods (
    profile     TEXT NOT NULL CHECK (profile IN ('none', 'us_medicaid_peer', 'uk_dsa', 'volunteer')),
    record_type TEXT NOT NULL CHECK (record_type IN ('session_notes', 'addenda', 'goals',
                    'coping_plans', 'measures', 'disclosures', 'consents', 'appointments',
                    'audit')),
    years       INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (profile, record_type)
) STRICT;

-- A mentee's subject-access request: the day it arrived, the day it is due (one month, ICO),
-- and when the export answering it was written. Erased with the mentee.
CREATE TABLE subject_access_requests (
    id           TEXT PRIMARY KEY,
    mentee_id    TEXT NOT NULL REFERENCES mentees(id) ON DELETE CASCADE,
    requested_on TEXT NOT NULL,
    due_on       TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    exported_at  TEXT,
    CHECK (due_on >= requested_on)
) STRICT;
CREATE INDEX subject_access_by_mentee ON subject_access_requests(mentee_id, requested_on);

-- The register of erasures made after a retention review: whose records (the mentee's id
-- only: no name, no code, the mentee may be gone), which type, how many, the day they became
-- due and the mentor's reason. The audit log's erase events name this row's id.
CREATE TABLE retention_erasures (
    id          TEXT PRIMARY KEY,
    mentee_id   TEXT NOT NULL,
    record_type TEXT NOT NULL,
    records     INTEGER NOT NULL CHECK (records >= 0),
    due_on      TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(reason) > 0),
    erased_at   TEXT NOT NULL
) STRICT;
