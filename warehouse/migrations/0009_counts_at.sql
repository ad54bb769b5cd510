-- A page may give the day of publication without a time. Its articles were counted at a
-- stand-in hour of that day, often one the alerts flow had already scored, so they never
-- reached an alert. counts_at is the time an article counts in topic volumes and alerts;
-- it is set once, at the first load, so a count can be read again as it was. Rows from
-- before this migration keep the rule they were counted by.

ALTER TABLE articles ADD COLUMN published_date_only BOOLEAN;
ALTER TABLE articles ADD COLUMN counts_at TIMESTAMPTZ;
UPDATE articles SET published_date_only = false, counts_at = coalesce(published_at, loaded_at);
COMMENT ON COLUMN articles.published_date_only IS
    'true when the page gave the day of publication but no time: published_at is then that day at noon UTC';
COMMENT ON COLUMN articles.counts_at IS
    'When the article counts in topic volumes and alerts: published_at, else loaded_at (no publication time, or only the day and loaded on that day); set at the first load';
