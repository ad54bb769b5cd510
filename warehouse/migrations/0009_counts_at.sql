-- A page may give the day of publication without a time. Its articles were counted at
-- that day's midnight, in an hour the alerts flow had already scored, so they never
-- reached an alert. counted_at is the time an article counts in topic volumes and alerts;
-- it is set once, at the first load, so a count can be read again as it was. Rows from
-- before this migration keep the rule they were counted by.

ALTER TABLE articles ADD COLUMN published_date_only BOOLEAN;
ALTER TABLE articles ADD COLUMN counted_at TIMESTAMPTZ;
UPDATE articles SET published_date_only = false, counted_at = coalesce(published_at, loaded_at);
COMMENT ON COLUMN articles.published_date_only IS
    'true when the page gave the day of publication but no time: published_at is then that day''s midnight';
COMMENT ON COLUMN articles.counted_at IS
    'When the article counts in topic volumes and alerts: published_at, else loaded_at (no publication time, or only the day and loaded by the end of the next day); set at the first load';
