-- Drafts whose search entry is out of date. Autosave only marks the note here (re-indexing a
-- 1,000-word note costs ~10 ms, more than the whole autosave budget); the entry is refreshed
-- before the next search, when the note is signed and when the journal locks. The mark holds
-- an id only, never text, and survives a crash so nothing is left unindexed.
CREATE TABLE search_pending (
    kind      TEXT NOT NULL,
    record_id TEXT NOT NULL,
    PRIMARY KEY (kind, record_id)
) STRICT, WITHOUT ROWID;
