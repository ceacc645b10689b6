-- When the kiosk began handing a job to the spooler: a job begun but never confirmed (the
-- kiosk stopped in between) is looked up in the spooler, or, where the spooler cannot say
-- (Windows), left for staff to decide rather than printed a second time.
ALTER TABLE print_jobs ADD COLUMN submitted_at TEXT;

-- A printed card not yet handed over still counts as the artisan's order: asking again, at
-- the screen or at the desk, finds it instead of charging and printing a second card.
DROP INDEX pvc_orders_one_open;
CREATE UNIQUE INDEX pvc_orders_one_open ON pvc_orders (rm_number) WHERE state IN ('requested', 'paid', 'printing', 'printed', 'failed');
