-- A paid order whose card cannot be printed is either refunded (and cancelled) or handed
-- over another way (a sheet of paper, an e-mail); both close it, and each says which.

-- One refund per order, by the key itself: a doubled confirmation cannot pay back twice.
-- The reason is required: the desk's till and the registry must be able to say why.
CREATE TABLE pvc_refunds (
  order_id INTEGER PRIMARY KEY REFERENCES pvc_orders (id),
  method TEXT NOT NULL CHECK (method IN ('cash', 'card')),
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  staff_id INTEGER NOT NULL REFERENCES staff_members (id),
  -- The refund receipt on the thermal printer (null when none is set).
  receipt_job_id INTEGER REFERENCES print_jobs (id),
  at TEXT NOT NULL
) STRICT;

-- How a handed-over order reached the artisan: the PVC card, or, when it could not be
-- printed, the card on a sheet of paper or by e-mail. Null for orders closed before this.
ALTER TABLE pvc_orders ADD COLUMN handed_over_as TEXT CHECK (handed_over_as IN ('card', 'paper', 'email'));
