-- Every print job, recorded before anything is sent to a printer and followed to its end, so
-- that a retry never prints twice what was printed once, and staff can see what happened.
CREATE TABLE print_jobs (
  id INTEGER PRIMARY KEY,
  -- card (PVC card printer), paper (office printer), receipt (thermal).
  role TEXT NOT NULL CHECK (role IN ('card', 'paper', 'receipt')),
  printer TEXT NOT NULL,
  -- What was printed, by reference (an order number, "test page"): never a name.
  document TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('recorded', 'sent', 'printing', 'completed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  -- The spooler's own job id (CUPS "Q-12"), once it has one.
  spooler_id TEXT,
  -- The error code of the last failure, in words for staff on the console.
  error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE INDEX print_jobs_status ON print_jobs (status, id);
