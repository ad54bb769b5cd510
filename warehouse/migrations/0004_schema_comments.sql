-- The schema explains itself: a comment on every table and column (visible in any client
-- through duckdb_tables() and duckdb_columns()), delivery and detector statuses checked
-- by ENUM types, and each alert's warehouse snapshot for reproducing its count.
-- Adding a status value later: CREATE TYPE <name>_v2 with every value, then
-- ALTER TABLE ... ALTER status TYPE <name>_v2 (DuckDB cannot extend an ENUM in place).

CREATE TYPE delivery_status AS ENUM ('pending', 'sending', 'sent', 'logged', 'failed',
                                     'gave_up', 'undeliverable');
CREATE TYPE alert_kind AS ENUM ('alert', 'update', 'ended');
CREATE TYPE decision_status AS ENUM ('learning', 'quiet', 'below_min_count', 'alert',
                                     'ongoing', 'follow_up', 'ended', 'cooldown');
ALTER TABLE alerts ALTER status TYPE delivery_status;
ALTER TABLE alerts ALTER kind TYPE alert_kind;
ALTER TABLE digests ALTER status TYPE delivery_status;
ALTER TABLE outlet_health_events ALTER status TYPE delivery_status;
ALTER TABLE spike_decisions ALTER status TYPE decision_status;

ALTER TABLE alerts ADD COLUMN counted_at TIMESTAMPTZ;
ALTER TABLE alerts ADD COLUMN snapshot_id BIGINT;

COMMENT ON TABLE schema_migrations IS 'Applied migrations (warehouse/migrations/*.sql), each recorded in the transaction that applied it';
COMMENT ON COLUMN schema_migrations.name IS 'Migration file name, e.g. 0001_init.sql (natural key)';
COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied (UTC)';

COMMENT ON TABLE outlets IS 'Configured news outlets (config/outlets.yaml), refreshed on each ingest run';
COMMENT ON COLUMN outlets.name IS 'The outlet''s config name, e.g. bbc-world (natural key); articles.outlet refers to it';
COMMENT ON COLUMN outlets.display_name IS 'Name shown to people, e.g. BBC News';
COMMENT ON COLUMN outlets.domain IS 'The outlet''s main domain';
COMMENT ON COLUMN outlets.language IS 'Main language (ISO 639-1), if configured';
COMMENT ON COLUMN outlets.country IS 'Country (ISO 3166-1 alpha-2), if configured';
COMMENT ON COLUMN outlets.updated_at IS 'When the config last wrote this row (UTC)';

COMMENT ON TABLE fetch_log IS 'Every HTTP attempt (robots.txt, feed, sitemap, listing, article), successful or not';
COMMENT ON COLUMN fetch_log.id IS 'Row id (natural key)';
COMMENT ON COLUMN fetch_log.run_id IS 'The ingest run that fetched';
COMMENT ON COLUMN fetch_log.outlet IS 'Outlet name (outlets.name)';
COMMENT ON COLUMN fetch_log.kind IS 'What was fetched: robots, feed, sitemap, listing or article';
COMMENT ON COLUMN fetch_log.url IS 'URL requested';
COMMENT ON COLUMN fetch_log.final_url IS 'URL after redirects, when it differs';
COMMENT ON COLUMN fetch_log.status IS 'HTTP status; NULL when no response came';
COMMENT ON COLUMN fetch_log.not_modified IS 'True when the server answered 304 Not Modified to a conditional GET';
COMMENT ON COLUMN fetch_log.bytes IS 'Body bytes received';
COMMENT ON COLUMN fetch_log.elapsed_ms IS 'Time the attempt took, in milliseconds';
COMMENT ON COLUMN fetch_log.attempt IS 'Attempt number for this URL in this run (1 = first try)';
COMMENT ON COLUMN fetch_log.error_class IS 'Kind of failure (e.g. HTTPError, Timeout, TooLarge); NULL on success';
COMMENT ON COLUMN fetch_log.error_message IS 'What went wrong, in words';
COMMENT ON COLUMN fetch_log.fetched_at IS 'When the attempt started (UTC)';

COMMENT ON TABLE url_state IS 'Per-URL state across runs: conditional GET validators of feeds and sitemaps, and retry bookkeeping of article URLs';
COMMENT ON COLUMN url_state.url IS 'The URL (natural key)';
COMMENT ON COLUMN url_state.outlet IS 'Outlet name (outlets.name)';
COMMENT ON COLUMN url_state.kind IS 'source (a feed, sitemap or listing page) or article';
COMMENT ON COLUMN url_state.etag IS 'ETag of the last 200 answer, sent back as If-None-Match';
COMMENT ON COLUMN url_state.last_modified IS 'Last-Modified of the last 200 answer, sent back as If-Modified-Since';
COMMENT ON COLUMN url_state.last_status IS 'HTTP status of the last fetch';
COMMENT ON COLUMN url_state.failures IS 'Failed runs in a row for an article URL; 0 = fetched fine (done)';
COMMENT ON COLUMN url_state.last_error IS 'The last failure, in words';
COMMENT ON COLUMN url_state.candidate IS 'The feed''s metadata of a failed article, kept for the retry (JSON)';
COMMENT ON COLUMN url_state.updated_at IS 'When this row last changed (UTC)';

COMMENT ON TABLE articles IS 'One row per article (canonical URL), loaded by upsert: a re-run never duplicates one';
COMMENT ON COLUMN articles.url_hash IS 'sha1 of the canonical URL (natural key)';
COMMENT ON COLUMN articles.url IS 'Canonical URL (rel=canonical or og:url, tracking parameters dropped); unique';
COMMENT ON COLUMN articles.outlet IS 'Outlet name (outlets.name)';
COMMENT ON COLUMN articles.title IS 'Headline';
COMMENT ON COLUMN articles.subtitle IS 'Standfirst or deck';
COMMENT ON COLUMN articles.authors IS 'Author names, without "By", roles or agency lines';
COMMENT ON COLUMN articles.published_at IS 'Publication time (UTC); NULL when the page gave none';
COMMENT ON COLUMN articles.updated_at IS 'Last update time the page declares (UTC)';
COMMENT ON COLUMN articles.section IS 'Section name, e.g. World';
COMMENT ON COLUMN articles.language IS 'Language (ISO 639-1), declared or detected';
COMMENT ON COLUMN articles.body IS 'Article text without boilerplate, paragraphs separated by blank lines';
COMMENT ON COLUMN articles.captions IS 'Image captions, kept apart from the body';
COMMENT ON COLUMN articles.is_teaser IS 'True for a paywall, sign-in wall or truncated body';
COMMENT ON COLUMN articles.word_count IS 'Words in the body';
COMMENT ON COLUMN articles.content_hash IS 'sha256 of the normalised body; an upsert with the same hash changes nothing';
COMMENT ON COLUMN articles.story_id IS 'Copies of one story (wire copies, one text under two URLs) share it; spike counts count stories';
COMMENT ON COLUMN articles.story_sig IS 'Internal: near-duplicate signature (MinHash bands) for story grouping';
COMMENT ON COLUMN articles.field_sources IS 'Internal: which source filled each field (jsonld, opengraph, meta, rules, heuristic, feed), JSON';
COMMENT ON COLUMN articles.fetched_at IS 'When the page was fetched (UTC)';
COMMENT ON COLUMN articles.loaded_at IS 'When the article was first loaded (UTC); never changed by a later upsert';
COMMENT ON COLUMN articles.run_id IS 'Internal: the run that last wrote the row';

COMMENT ON TABLE article_topics IS 'Which topics (config/topics.yaml) each article mentions, and how strongly';
COMMENT ON COLUMN article_topics.url_hash IS 'The article (articles.url_hash); natural key with topic';
COMMENT ON COLUMN article_topics.topic IS 'Topic name, e.g. iran';
COMMENT ON COLUMN article_topics.title_hits IS 'Mentions in the headline';
COMMENT ON COLUMN article_topics.body_hits IS 'Mentions in the body';
COMMENT ON COLUMN article_topics.weight IS '3 x title_hits + body_hits';

COMMENT ON TABLE quarantine IS 'Rows that failed validation or extraction, with the failed expectations and the raw page; nothing is dropped silently';
COMMENT ON COLUMN quarantine.id IS 'Row id (natural key)';
COMMENT ON COLUMN quarantine.url IS 'The page URL';
COMMENT ON COLUMN quarantine.outlet IS 'Outlet name (outlets.name)';
COMMENT ON COLUMN quarantine.failed_expectations IS 'Names of the Great Expectations checks it failed';
COMMENT ON COLUMN quarantine.record IS 'The extracted article as it was (JSON)';
COMMENT ON COLUMN quarantine.raw_html IS 'The page, for a re-extract after a parser fix (newswatch quarantine retry)';
COMMENT ON COLUMN quarantine.run_id IS 'The run that quarantined it';
COMMENT ON COLUMN quarantine.quarantined_at IS 'When it was quarantined (UTC)';
COMMENT ON COLUMN quarantine.released_at IS 'When a retry loaded it after all (UTC); NULL while still quarantined';

COMMENT ON TABLE validation_runs IS 'One Great Expectations suite run on one outlet''s batch';
COMMENT ON COLUMN validation_runs.id IS 'Row id (natural key)';
COMMENT ON COLUMN validation_runs.run_id IS 'The ingest run';
COMMENT ON COLUMN validation_runs.suite IS 'Suite name (expectations/<suite>.json)';
COMMENT ON COLUMN validation_runs.outlet IS 'Outlet name (outlets.name)';
COMMENT ON COLUMN validation_runs.rows IS 'Rows validated';
COMMENT ON COLUMN validation_runs.passed IS 'Rows that passed every row-level expectation';
COMMENT ON COLUMN validation_runs.failed IS 'Rows quarantined';
COMMENT ON COLUMN validation_runs.success IS 'Whether the batch-level expectations held';
COMMENT ON COLUMN validation_runs.failed_expectations IS 'Failed expectations with their observed values (JSON)';
COMMENT ON COLUMN validation_runs.validated_at IS 'When the suite ran (UTC)';

COMMENT ON TABLE spike_decisions IS 'Every spike-detector decision, one per topic and time bucket, with its numbers';
COMMENT ON COLUMN spike_decisions.topic IS 'Topic name; natural key with bucket_start';
COMMENT ON COLUMN spike_decisions.bucket_start IS 'Start of the bucket (UTC), bucket_minutes long';
COMMENT ON COLUMN spike_decisions.observed IS 'Independent stories counted in the bucket';
COMMENT ON COLUMN spike_decisions.expected IS 'Stories expected from the baseline (same hour of day, share of total volume)';
COMMENT ON COLUMN spike_decisions.score IS 'How surprising observed is against expected (a normal z score)';
COMMENT ON COLUMN spike_decisions.status IS 'learning, quiet, below_min_count, alert, ongoing, follow_up, ended or cooldown';
COMMENT ON COLUMN spike_decisions.reason IS 'The decision in words';
COMMENT ON COLUMN spike_decisions.decided_at IS 'When the detector decided (UTC)';

COMMENT ON TABLE alerts IS 'The Slack outbox of spike alerts: written first, then delivered exactly once';
COMMENT ON COLUMN alerts.alert_id IS 'Stable id: topic:bucket of the episode, plus :update:<bucket> or :ended (natural key)';
COMMENT ON COLUMN alerts.topic IS 'Topic name';
COMMENT ON COLUMN alerts.kind IS 'alert (an episode''s first message), update (it grew) or ended';
COMMENT ON COLUMN alerts.episode_id IS 'alert_id of the episode''s first alert';
COMMENT ON COLUMN alerts.bucket_start IS 'Start of the bucket that triggered it (UTC)';
COMMENT ON COLUMN alerts.observed IS 'Stories counted in that bucket';
COMMENT ON COLUMN alerts.expected IS 'Stories expected from the baseline';
COMMENT ON COLUMN alerts.score IS 'Detector score';
COMMENT ON COLUMN alerts.articles IS 'Articles on the topic since the episode began';
COMMENT ON COLUMN alerts.stories IS 'Independent stories since the episode began';
COMMENT ON COLUMN alerts.outlets IS 'Outlets covering it since the episode began';
COMMENT ON COLUMN alerts.message IS 'The Slack payload (text and blocks) and the alert''s numbers (JSON)';
COMMENT ON COLUMN alerts.status IS 'Delivery: pending, sending, sent, logged (no Slack configured), failed (retried) or undeliverable';
COMMENT ON COLUMN alerts.attempts IS 'Delivery attempts so far';
COMMENT ON COLUMN alerts.last_error IS 'The last delivery error';
COMMENT ON COLUMN alerts.slack_channel IS 'Channel it was posted to';
COMMENT ON COLUMN alerts.slack_ts IS 'Slack message ts once posted';
COMMENT ON COLUMN alerts.created_at IS 'When it entered the outbox (UTC)';
COMMENT ON COLUMN alerts.delivered_at IS 'When it was delivered (UTC)';
COMMENT ON COLUMN alerts.counted_at IS 'When the counts behind it were read (UTC); on the file backend its reproducing query counts only articles loaded by then';
COMMENT ON COLUMN alerts.snapshot_id IS 'DuckLake snapshot the counts were read at (backend ducklake; NULL on the file backend); its reproducing query reads AT (VERSION => snapshot_id)';

COMMENT ON TABLE digests IS 'The daily digest''s outbox: one row per day, written before it is sent';
COMMENT ON COLUMN digests.digest_id IS 'digest:YYYY-MM-DD, the day the window ends (natural key)';
COMMENT ON COLUMN digests.window_start IS 'Start of the 24-hour window (UTC)';
COMMENT ON COLUMN digests.window_end IS 'End of the window: the run''s hour (UTC)';
COMMENT ON COLUMN digests.message IS 'The Slack payload (text and blocks), JSON';
COMMENT ON COLUMN digests.status IS 'Delivery: pending, sending, sent, logged, failed or undeliverable';
COMMENT ON COLUMN digests.attempts IS 'Delivery attempts so far';
COMMENT ON COLUMN digests.last_error IS 'The last delivery error';
COMMENT ON COLUMN digests.slack_channel IS 'Channel it was posted to';
COMMENT ON COLUMN digests.slack_ts IS 'Slack message ts once posted';
COMMENT ON COLUMN digests.created_at IS 'When it entered the outbox (UTC)';
COMMENT ON COLUMN digests.delivered_at IS 'When it was delivered (UTC)';

COMMENT ON TABLE outlet_health_checks IS 'One health check per outlet and ingest run: the batch''s numbers and the problems found';
COMMENT ON COLUMN outlet_health_checks.run_id IS 'The ingest run; natural key with outlet';
COMMENT ON COLUMN outlet_health_checks.outlet IS 'Outlet name (outlets.name)';
COMMENT ON COLUMN outlet_health_checks.checked_at IS 'When it was checked (UTC)';
COMMENT ON COLUMN outlet_health_checks.articles IS 'Articles extracted this run: loaded plus quarantined';
COMMENT ON COLUMN outlet_health_checks.quarantined IS 'Of those, quarantined';
COMMENT ON COLUMN outlet_health_checks.empty_bodies IS 'Bodies with fewer words than health.empty_words';
COMMENT ON COLUMN outlet_health_checks.missing_dates IS 'Articles without a publication date';
COMMENT ON COLUMN outlet_health_checks.missing_titles IS 'Articles without a title';
COMMENT ON COLUMN outlet_health_checks.teasers IS 'Teasers (paywall or truncated)';
COMMENT ON COLUMN outlet_health_checks.article_fetches IS 'Article fetch attempts this run';
COMMENT ON COLUMN outlet_health_checks.failed_fetches IS 'Failed fetches this run, any kind';
COMMENT ON COLUMN outlet_health_checks.feeds_unchanged IS 'Every feed, sitemap and listing answered 304';
COMMENT ON COLUMN outlet_health_checks.consecutive_failures IS 'Failed fetches in a row (from the outlet_health view)';
COMMENT ON COLUMN outlet_health_checks.usual_articles IS 'Median articles of earlier healthy, fresh runs';
COMMENT ON COLUMN outlet_health_checks.low_count IS 'Articles far below usual_articles';
COMMENT ON COLUMN outlet_health_checks.problems IS 'Problems found, in words; empty when healthy';
COMMENT ON COLUMN outlet_health_checks.healthy IS 'No problems';
COMMENT ON COLUMN outlet_health_checks.episode_id IS 'The unhealthy episode this check belongs to (outlet_health_events.episode_id)';

COMMENT ON TABLE outlet_health_events IS 'Episodes of an unhealthy outlet; each is also the outbox row of its one operations alert';
COMMENT ON COLUMN outlet_health_events.episode_id IS 'outlet:run_id of the first unhealthy check (natural key)';
COMMENT ON COLUMN outlet_health_events.outlet IS 'Outlet name (outlets.name)';
COMMENT ON COLUMN outlet_health_events.started_at IS 'When the episode began (UTC)';
COMMENT ON COLUMN outlet_health_events.started_run_id IS 'The run that found it';
COMMENT ON COLUMN outlet_health_events.problems IS 'Problems as first seen';
COMMENT ON COLUMN outlet_health_events.ended_at IS 'The first healthy check after it (UTC); NULL while open';
COMMENT ON COLUMN outlet_health_events.ended_run_id IS 'The run whose check ended it';
COMMENT ON COLUMN outlet_health_events.message IS 'The Slack payload (text and blocks), JSON';
COMMENT ON COLUMN outlet_health_events.status IS 'Delivery: pending, sending, sent, logged, failed or undeliverable';
COMMENT ON COLUMN outlet_health_events.attempts IS 'Delivery attempts so far';
COMMENT ON COLUMN outlet_health_events.last_error IS 'The last delivery error';
COMMENT ON COLUMN outlet_health_events.slack_channel IS 'Channel it was posted to';
COMMENT ON COLUMN outlet_health_events.slack_ts IS 'Slack message ts once posted';
COMMENT ON COLUMN outlet_health_events.delivered_at IS 'When it was delivered (UTC)';
