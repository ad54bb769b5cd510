-- A run claiming a message to post writes a lease into next_attempt_at (now + 2 minutes), so
-- that another run delivering the same outbox does not post it a second time meanwhile.

COMMENT ON COLUMN alerts.next_attempt_at IS
    'failed: tried again on the first run at or after this time (exponential backoff); sending: no other run takes it before this time (a 2-minute lease); NULL: at once';
COMMENT ON COLUMN digests.next_attempt_at IS
    'failed: tried again on the first run at or after this time (exponential backoff); sending: no other run takes it before this time (a 2-minute lease); NULL: at once';
COMMENT ON COLUMN outlet_health_events.next_attempt_at IS
    'failed: tried again on the first run at or after this time (exponential backoff); sending: no other run takes it before this time (a 2-minute lease); NULL: at once';
COMMENT ON COLUMN delivery_problems.next_attempt_at IS
    'failed: tried again on the first run at or after this time; sending: no other run takes it before this time (a 2-minute lease)';
