-- The subject an outbox operation is about (an artisan's profile, photo or card, a PVC
-- order): operations on one subject reach the registry in the order they were made, so a
-- later one never leaves while an earlier one is still waiting. NULL: no order to keep.
ALTER TABLE outbox ADD COLUMN subject TEXT;
UPDATE outbox SET subject = CASE type
  WHEN 'profile-change' THEN 'profile:' || (payload ->> 'rmNumber')
  WHEN 'photo' THEN 'photo:' || (payload ->> 'rmNumber')
  WHEN 'card-issuance' THEN 'card:' || (payload ->> 'rmNumber')
  WHEN 'pvc-order-event' THEN 'order:' || (payload ->> 'orderNumber')
  ELSE NULL END;
CREATE INDEX outbox_subject ON outbox (subject, id) WHERE subject IS NOT NULL;

-- Wrong dates of birth on this kiosk, whatever the RM number: besides 5 tries per number,
-- a kiosk-wide budget stops someone trying dates across many numbers. Only the instant is
-- kept (Unix milliseconds): nothing here says whose number was tried.
CREATE TABLE wrong_dates (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL
) STRICT;
CREATE INDEX wrong_dates_at ON wrong_dates (at);

-- The RM numbers a full resync (the registry refused the kiosk's cursor) has brought so
-- far; when it ends, the replica keeps only those, so an artisan removed while the cursor
-- was lost does not linger. Kept in the store, so a resync cut by a crash goes on.
CREATE TABLE resync_seen (
  rm_number TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- A kiosk that has already reached the end of the feed once has a complete copy; a new one
-- says "loading" rather than "not found" until it has.
INSERT INTO kiosk_meta (key, value)
  SELECT 'replica-complete', '1' FROM kiosk_meta
  WHERE key = 'sync-status' AND json_extract(value, '$.lastSuccessAt') IS NOT NULL;
