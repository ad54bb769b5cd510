-- Every Slack message of every outbox table with its delivery state: what is waiting,
-- what is retried when, and what was given up on (status gave_up or undeliverable).
CREATE OR REPLACE VIEW slack_outbox AS
SELECT 'alert' AS kind, alert_id AS id, status, attempts, next_attempt_at, last_error,
       created_at, delivered_at, message->>'text' AS text
FROM alerts
UNION ALL
SELECT 'digest', digest_id, status, attempts, next_attempt_at, last_error, created_at,
       delivered_at, message->>'text'
FROM digests
UNION ALL
SELECT 'operations', episode_id, status, attempts, next_attempt_at, last_error, started_at,
       delivered_at, message->>'text'
FROM outlet_health_events
UNION ALL
SELECT 'delivery problem', problem_id, status, attempts, next_attempt_at, last_error,
       created_at, delivered_at, message->>'text'
FROM delivery_problems;

COMMENT ON VIEW slack_outbox IS 'Every Slack message of every outbox (alerts, digests, operations alerts, delivery problems) with its delivery state';
COMMENT ON COLUMN slack_outbox.kind IS 'alert, digest, operations or delivery problem';
COMMENT ON COLUMN slack_outbox.id IS 'The row''s id in its outbox table (alert_id, digest_id, episode_id or problem_id)';
COMMENT ON COLUMN slack_outbox.status IS 'pending | sending | sent | logged | failed (tried again at next_attempt_at) | gave_up | undeliverable';
COMMENT ON COLUMN slack_outbox.attempts IS 'Posts tried so far';
COMMENT ON COLUMN slack_outbox.next_attempt_at IS 'failed: tried again at or after this time (UTC); sending: no other run takes it before this time (a 2-minute lease)';
COMMENT ON COLUMN slack_outbox.last_error IS 'What Slack or the network said on the last attempt';
COMMENT ON COLUMN slack_outbox.created_at IS 'When the message was written to its outbox (UTC)';
COMMENT ON COLUMN slack_outbox.delivered_at IS 'When Slack took it (UTC); NULL until then';
COMMENT ON COLUMN slack_outbox.text IS 'The message''s plain-text fallback';
