-- The kiosk's writes to the registry, kept until the registry has acknowledged them, so
-- that they survive a network cut or a restart. Each carries the idempotency key the
-- registry uses to apply it once, however often it is sent. A delivered row is deleted:
-- payloads may hold personal data, and nothing needs them any more.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  idempotency_key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Unix milliseconds before which no new attempt is made (backoff).
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  -- The error code of the last failed attempt, never a payload value.
  last_error TEXT
) STRICT;

CREATE INDEX outbox_due ON outbox (next_attempt_at, id);
