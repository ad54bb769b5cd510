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
