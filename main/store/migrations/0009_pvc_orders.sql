-- PVC card orders: asked for by the artisan, paid at the desk, printed on the card printer.
-- The order and its print job are written before anything is sent, so that a retry or a
-- restart follows what exists instead of printing or charging a second time.
CREATE TABLE pvc_orders (
  id INTEGER PRIMARY KEY,
  -- What the ticket prints and staff reads out ("P261127-004").
  number TEXT NOT NULL UNIQUE,
  rm_number TEXT NOT NULL,
  year INTEGER NOT NULL,
  -- The chamber printed on the tickets and receipts.
  chamber TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('requested', 'paid', 'printing', 'printed', 'failed', 'handed-over', 'cancelled')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  -- The card as drawn when it was ordered (the visit's photo lives only in memory): kept to
  -- print it, erased once the card is handed over or the order cancelled.
  card_pdf BLOB,
  card_job_id INTEGER REFERENCES print_jobs (id),
  receipt_job_id INTEGER REFERENCES print_jobs (id),
  -- Why the last print failed, as a kind the console says in words.
  error_kind TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- An artisan has at most one order on its way: asking twice returns the same order.
CREATE UNIQUE INDEX pvc_orders_one_open ON pvc_orders (rm_number) WHERE state IN ('requested', 'paid', 'printing', 'failed');
CREATE INDEX pvc_orders_state ON pvc_orders (state, id);

-- One payment per order, by the key itself: a retried or doubled confirmation cannot charge twice.
CREATE TABLE pvc_payments (
  order_id INTEGER PRIMARY KEY REFERENCES pvc_orders (id),
  method TEXT NOT NULL CHECK (method IN ('cash', 'card')),
  amount_cents INTEGER NOT NULL,
  staff_id INTEGER NOT NULL REFERENCES staff_members (id),
  at TEXT NOT NULL
) STRICT;

-- Why a print job failed, as a kind (spooler down, printer missing, aborted...).
ALTER TABLE print_jobs ADD COLUMN error_kind TEXT;
