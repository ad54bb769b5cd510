-- Ids for the rows of fetch_log, quarantine and validation_runs on DuckLake. It has no
-- sequences: there `nextval(...)` is a random 63-bit id (warehouse/lake.py), and tables
-- made there before this migration had no default, so their rows got NULL ids. On a DuckDB
-- file the defaults are the sequences already and no id is NULL: nothing changes.

ALTER TABLE fetch_log ALTER COLUMN id SET DEFAULT nextval('fetch_log_id');
ALTER TABLE quarantine ALTER COLUMN id SET DEFAULT nextval('quarantine_id');
ALTER TABLE validation_runs ALTER COLUMN id SET DEFAULT nextval('validation_run_id');
UPDATE fetch_log SET id = nextval('fetch_log_id') WHERE id IS NULL;
UPDATE quarantine SET id = nextval('quarantine_id') WHERE id IS NULL;
UPDATE validation_runs SET id = nextval('validation_run_id') WHERE id IS NULL;
