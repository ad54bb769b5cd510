-- An empty batch (an outlet with nothing new, or one that could not be reached) is not a
-- passed validation: its run is recorded with success NULL, nothing having been judged.
ALTER TABLE validation_runs ALTER COLUMN success DROP NOT NULL;
COMMENT ON COLUMN validation_runs.success IS
    'true: every batch-level expectation held; false: one failed; NULL: the batch was empty, nothing was validated';

-- An outlet whose every fetch failed is unhealthy, and the check says why.
ALTER TABLE outlet_health_checks ADD COLUMN fetches INTEGER;
ALTER TABLE outlet_health_checks ADD COLUMN fetch_error VARCHAR;
COMMENT ON COLUMN outlet_health_checks.fetches IS
    'fetches of the outlet in this run, of any kind (robots.txt, feeds, sitemaps, listings, articles); NULL on checks from before this column';
COMMENT ON COLUMN outlet_health_checks.fetch_error IS
    'the error of the outlet''s last failed fetch in this run, if any';
