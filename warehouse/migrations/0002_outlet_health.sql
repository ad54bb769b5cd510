-- Outlet health: one check per outlet and ingest run, with its numbers, and the episodes
-- they open and close. An episode is also the outbox row of its one operations alert.

CREATE TABLE outlet_health_checks (
    run_id                VARCHAR NOT NULL,
    outlet                VARCHAR NOT NULL,
    checked_at            TIMESTAMPTZ NOT NULL,
    articles              INTEGER NOT NULL,      -- extracted this run: loaded + quarantined
    quarantined           INTEGER NOT NULL,
    empty_bodies          INTEGER NOT NULL,      -- fewer words than HealthRules.empty_words
    missing_dates         INTEGER NOT NULL,
    missing_titles        INTEGER NOT NULL,
    teasers               INTEGER NOT NULL,
    article_fetches       INTEGER NOT NULL,
    failed_fetches        INTEGER NOT NULL,      -- this run, any kind
    feeds_unchanged       BOOLEAN NOT NULL,      -- every feed/sitemap/listing answered 304
    consecutive_failures  INTEGER NOT NULL,      -- from the outlet_health view
    usual_articles        DOUBLE,                -- median of earlier healthy, fresh runs
    low_count             BOOLEAN NOT NULL,      -- articles far below usual_articles
    problems              VARCHAR[] NOT NULL,    -- empty when healthy
    healthy               BOOLEAN NOT NULL,
    episode_id            VARCHAR,               -- the episode this check belongs to
    PRIMARY KEY (run_id, outlet)
);

CREATE TABLE outlet_health_events (
    episode_id      VARCHAR PRIMARY KEY,         -- outlet:run_id of the first unhealthy check
    outlet          VARCHAR NOT NULL,
    started_at      TIMESTAMPTZ NOT NULL,
    started_run_id  VARCHAR NOT NULL,
    problems        VARCHAR[] NOT NULL,          -- as first seen
    ended_at        TIMESTAMPTZ,                 -- the first healthy check after it
    ended_run_id    VARCHAR,
    message         JSON NOT NULL,               -- the Slack payload (text and blocks)
    status          VARCHAR NOT NULL DEFAULT 'pending',
        -- pending | sent | logged (no Slack configured) | failed (retried) | undeliverable
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      VARCHAR,
    slack_channel   VARCHAR,
    slack_ts        VARCHAR,
    delivered_at    TIMESTAMPTZ
);
