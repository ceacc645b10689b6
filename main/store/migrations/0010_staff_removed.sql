-- A staff member who leaves is marked removed, not deleted: payments and the audit log keep
-- naming who took them. A removed member's PIN no longer opens the console.
ALTER TABLE staff_members ADD COLUMN removed_at TEXT;
