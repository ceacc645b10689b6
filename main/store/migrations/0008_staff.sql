-- The desk's staff, each with a PIN kept only as a scrypt hash, and the PIN lock: 5 wrong
-- PINs lock the staff console of this kiosk for 15 minutes, across restarts.
CREATE TABLE staff_members (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  pin_hash TEXT NOT NULL,
  salt TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff_lock (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  failures INTEGER NOT NULL,
  locked_until INTEGER
) STRICT;
