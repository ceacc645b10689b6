-- Wrong dates of birth per RM number, so that 5 wrong dates lock the number for 15 minutes
-- on this kiosk and a restart does not reset the count. A row exists only while a number
-- has recent failures or is locked; a right date deletes it.
CREATE TABLE identification_attempts (
  rm_number TEXT PRIMARY KEY,
  failures INTEGER NOT NULL CHECK (failures >= 0),
  -- Unix milliseconds; NULL while not locked.
  locked_until INTEGER,
  last_failure_at INTEGER NOT NULL
) STRICT;
