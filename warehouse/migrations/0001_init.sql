-- The first schema. Every table names its natural key; loads upsert on it.

CREATE TABLE outlets (
    name          VARCHAR PRIMARY KEY,          -- the config name, e.g. 'bbc-world'
    display_name  VARCHAR NOT NULL,
    domain        VARCHAR NOT NULL,
    language      VARCHAR,
    country       VARCHAR,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE SEQUENCE fetch_log_id;
CREATE TABLE fetch_log (
    id             BIGINT PRIMARY KEY DEFAULT nextval('fetch_log_id'),
    run_id         VARCHAR,
    outlet         VARCHAR,
    kind           VARCHAR NOT NULL,            -- robots | feed | sitemap | listing | article
    url            VARCHAR NOT NULL,
    final_url      VARCHAR,
    status         INTEGER,                      -- HTTP status; NULL when no response came
    not_modified   BOOLEAN NOT NULL DEFAULT false,
    bytes          BIGINT NOT NULL DEFAULT 0,
    elapsed_ms     DOUBLE NOT NULL DEFAULT 0,
    attempt        INTEGER NOT NULL DEFAULT 1,
    error_class    VARCHAR,
    error_message  VARCHAR,
    fetched_at     TIMESTAMPTZ NOT NULL
);

-- Per-URL state across runs: conditional GET validators for feeds, retry bookkeeping
-- for articles that failed (tried again on later runs, up to a limit).
CREATE TABLE url_state (
    url             VARCHAR PRIMARY KEY,
    outlet          VARCHAR,
    kind            VARCHAR NOT NULL,
    etag            VARCHAR,
    last_modified   VARCHAR,
    last_status     INTEGER,
    failures        INTEGER NOT NULL DEFAULT 0,
    last_error      VARCHAR,
    candidate       JSON,                        -- feed metadata kept for the retry
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE articles (
    url_hash       VARCHAR PRIMARY KEY,         -- sha1 of the canonical URL
    url            VARCHAR NOT NULL UNIQUE,     -- canonical URL
    outlet         VARCHAR NOT NULL,
    title          VARCHAR,
    subtitle       VARCHAR,
    authors        VARCHAR[],
    published_at   TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ,
    section        VARCHAR,
    language       VARCHAR,
    body           VARCHAR,
    captions       VARCHAR[],
    is_teaser      BOOLEAN NOT NULL DEFAULT false,
    word_count     INTEGER NOT NULL DEFAULT 0,
    content_hash   VARCHAR,
    story_id       VARCHAR,                     -- copies of one story share it
    story_sig      UBIGINT[],                   -- near-duplicate signature (tasks/stories.py)
    field_sources  JSON,
    fetched_at     TIMESTAMPTZ,
    loaded_at      TIMESTAMPTZ NOT NULL,
    run_id         VARCHAR
);

CREATE TABLE article_topics (
    url_hash     VARCHAR NOT NULL,
    topic        VARCHAR NOT NULL,
    title_hits   INTEGER NOT NULL,
    body_hits    INTEGER NOT NULL,
    weight       DOUBLE NOT NULL,
    PRIMARY KEY (url_hash, topic)
);

CREATE SEQUENCE quarantine_id;
CREATE TABLE quarantine (
    id                   BIGINT PRIMARY KEY DEFAULT nextval('quarantine_id'),
    url                  VARCHAR NOT NULL,
    outlet               VARCHAR,
    failed_expectations  VARCHAR[] NOT NULL,
    record               JSON NOT NULL,          -- the extracted article as it was
    raw_html             VARCHAR,                -- the page, for a re-extract after a parser fix
    run_id               VARCHAR,
    quarantined_at       TIMESTAMPTZ NOT NULL,
    released_at          TIMESTAMPTZ
);

CREATE SEQUENCE validation_run_id;
CREATE TABLE validation_runs (
    id                   BIGINT PRIMARY KEY DEFAULT nextval('validation_run_id'),
    run_id               VARCHAR,
    suite                VARCHAR NOT NULL,
    outlet               VARCHAR,
    rows                 INTEGER NOT NULL,
    passed               INTEGER NOT NULL,
    failed               INTEGER NOT NULL,
    success              BOOLEAN NOT NULL,
    failed_expectations  JSON,
    validated_at         TIMESTAMPTZ NOT NULL
);

-- Every detector decision, with its numbers (one row per topic and bucket).
CREATE TABLE spike_decisions (
    topic         VARCHAR NOT NULL,
    bucket_start  TIMESTAMPTZ NOT NULL,
    observed      DOUBLE NOT NULL,
    expected      DOUBLE,
    score         DOUBLE,
    status        VARCHAR NOT NULL,
    reason        VARCHAR,
    decided_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, bucket_start)
);

-- The outbox: an alert is written here first, then delivered; `status` says how far it got.
CREATE TABLE alerts (
    alert_id      VARCHAR PRIMARY KEY,           -- topic:bucket, one per episode and kind
    topic         VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL DEFAULT 'alert',   -- alert | update | ended
    episode_id    VARCHAR NOT NULL,              -- the alert_id of the episode's first alert
    bucket_start  TIMESTAMPTZ NOT NULL,
    observed      DOUBLE NOT NULL,
    expected      DOUBLE NOT NULL,
    score         DOUBLE NOT NULL,
    articles      INTEGER NOT NULL,
    stories       INTEGER NOT NULL,
    outlets       INTEGER NOT NULL,
    message       JSON NOT NULL,                 -- the Slack payload (text and blocks)
    status        VARCHAR NOT NULL DEFAULT 'pending',
        -- pending | sent | logged (no Slack configured) | failed (retried) | undeliverable
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    VARCHAR,
    slack_channel VARCHAR,
    slack_ts      VARCHAR,
    created_at    TIMESTAMPTZ NOT NULL,
    delivered_at  TIMESTAMPTZ
);
