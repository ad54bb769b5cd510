-- Slack deliveries that keep failing: retried with backoff across runs while the message
-- is still worth sending, then given up on and reported (never dropped in silence).
ALTER TABLE alerts ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE digests ADD COLUMN next_attempt_at TIMESTAMPTZ;
ALTER TABLE outlet_health_events ADD COLUMN next_attempt_at TIMESTAMPTZ;
COMMENT ON COLUMN alerts.next_attempt_at IS
    'a failed delivery is tried again on the first run at or after this time (exponential backoff); NULL: at once';
COMMENT ON COLUMN digests.next_attempt_at IS
    'a failed delivery is tried again on the first run at or after this time (exponential backoff); NULL: at once';
COMMENT ON COLUMN outlet_health_events.next_attempt_at IS
    'a failed delivery is tried again on the first run at or after this time (exponential backoff); NULL: at once';

-- One operations alert per delivery run that gave up on messages: the outbox of the
-- report itself, posted to the operations channel.
CREATE TABLE delivery_problems (
    problem_id      VARCHAR PRIMARY KEY,
    outbox          VARCHAR NOT NULL,
    row_ids         VARCHAR[] NOT NULL,
    message         JSON NOT NULL,
    status          VARCHAR NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      VARCHAR,
    slack_channel   VARCHAR,
    slack_ts        VARCHAR,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ
);
ALTER TABLE delivery_problems ALTER status TYPE delivery_status;
COMMENT ON TABLE delivery_problems IS
    'operations alerts saying that Slack messages were given up on; an outbox itself (same delivery states as alerts)';
COMMENT ON COLUMN delivery_problems.problem_id IS 'the outbox table and the time the delivery run gave up';
COMMENT ON COLUMN delivery_problems.outbox IS 'the outbox table of the messages given up on: alerts, digests or outlet_health_events';
COMMENT ON COLUMN delivery_problems.row_ids IS 'the ids of the rows given up on in that table';
COMMENT ON COLUMN delivery_problems.message IS 'the Slack payload (text and blocks), posted as stored';
COMMENT ON COLUMN delivery_problems.status IS
    'pending | sending | sent | logged (no Slack configured) | failed (retried later) | gave_up | undeliverable';
COMMENT ON COLUMN delivery_problems.attempts IS 'posts tried so far';
COMMENT ON COLUMN delivery_problems.next_attempt_at IS 'a failed delivery is tried again at or after this time';
COMMENT ON COLUMN delivery_problems.last_error IS 'what Slack or the network said on the last attempt';
COMMENT ON COLUMN delivery_problems.slack_channel IS 'the channel ID the report was posted to';
COMMENT ON COLUMN delivery_problems.slack_ts IS 'Slack''s ts of the posted report';
COMMENT ON COLUMN delivery_problems.created_at IS 'when the delivery run gave up';
COMMENT ON COLUMN delivery_problems.delivered_at IS 'when it was sent or logged';
