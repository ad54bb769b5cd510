-- The daily digest's outbox: one row per day, written before it is sent (as `alerts`).

CREATE TABLE digests (
    digest_id     VARCHAR PRIMARY KEY,           -- digest:YYYY-MM-DD, the day the window ends
    window_start  TIMESTAMPTZ NOT NULL,
    window_end    TIMESTAMPTZ NOT NULL,          -- the run's hour; the window is 24 h
    message       JSON NOT NULL,                 -- the Slack payload (text and blocks)
    status        VARCHAR NOT NULL DEFAULT 'pending',
        -- pending | sending | sent | logged (no Slack configured) | failed | undeliverable
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    VARCHAR,
    slack_channel VARCHAR,
    slack_ts      VARCHAR,
    created_at    TIMESTAMPTZ NOT NULL,
    delivered_at  TIMESTAMPTZ
);
