-- The outbox gives a delivery up after its last retry (`gave_up`), and the delivery_status
-- type has held that value since 0004, but three status comments did not list it.

COMMENT ON COLUMN alerts.status IS
    'Delivery: pending, sending, sent, logged (no Slack configured), failed (retried later), gave_up (retries spent) or undeliverable';
COMMENT ON COLUMN digests.status IS
    'Delivery: pending, sending, sent, logged (no Slack configured), failed (retried later), gave_up (retries spent) or undeliverable';
COMMENT ON COLUMN outlet_health_events.status IS
    'Delivery: pending, sending, sent, logged (no Slack configured), failed (retried later), gave_up (retries spent) or undeliverable';
