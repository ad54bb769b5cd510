-- An article that gives no publication time counts when its page was seen. The load
-- stood in for that, which is right for a page the run fetched; but a backfill of old
-- undated pages, or a retry releasing quarantined ones, counted them all in the current
-- hour: a spike. A page fetched earlier now counts at its fetch time (an archive's
-- WARC-Date, a quarantined row's original fetch), so the quarantine keeps that time: it
-- kept only when a row was quarantined, for a backfill the load. Rows from before this
-- migration have none; quarantined_at stands in, as it did.

ALTER TABLE quarantine ADD COLUMN fetched_at TIMESTAMPTZ;
COMMENT ON COLUMN quarantine.fetched_at IS
    'When the page was fetched (UTC; for a backfill, the archive''s WARC-Date): a released row without a publication time counts then. NULL when unknown and for rows quarantined before migration 0013 (quarantined_at stands in)';
COMMENT ON COLUMN articles.counts_at IS
    'When the article counts in topic volumes and alerts: published_at, else (no publication time, or only the day and seen on that day) loaded_at for a page the run fetched, fetched_at for one fetched earlier (a backfill, a released quarantine row); set at the first load';
