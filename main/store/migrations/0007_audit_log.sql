-- What staff did and every card issued, hash-chained: each entry carries the SHA-256 of the
-- previous one, so a changed, removed or reordered entry breaks the chain (audit-verify).
-- Entries name people by id (RM number, staff id), never by name or date of birth.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;
