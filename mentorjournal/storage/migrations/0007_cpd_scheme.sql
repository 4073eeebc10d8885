-- CPD counted against the mentor's scheme. Each entry gets a category (NULL for entries logged
-- before categories existed: they count towards a cycle's hours but towards no category
-- minimum). `cpd_scheme` is one row: the scheme the mentor renews under and the day their run
-- of cycles began; a custom scheme keeps its own rule as JSON, a known scheme's rule lives in
-- the code (mentorjournal/domain/cpd_scheme.py) so a vault never holds a stale copy of it.
ALTER TABLE cpd_entries ADD COLUMN category TEXT CHECK (category IS NULL OR category IN (
    'ethics', 'law', 'safeguarding', 'clinical_skills', 'lived_experience', 'recovery_wellness',
    'advocacy', 'cultural_competence', 'self_care', 'other'));

CREATE TABLE cpd_scheme (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    kind        TEXT NOT NULL CHECK (kind IN (
                    'none', 'icrc_peer_recovery', 'california_peer', 'umhan', 'custom')),
    cycle_start TEXT NOT NULL,
    custom_rule TEXT,
    updated_at  TEXT NOT NULL,
    CHECK ((kind = 'custom') = (custom_rule IS NOT NULL))
) STRICT;
