-- The local copy of the chamber's registry: one row per artisan, looked up by RM number.
-- Sized for a million rows: one unique key for identification, one index for the SIREN
-- (staff search). The date of birth is kept only as a keyed hash (HMAC-SHA256, hex):
-- identification needs equality, never the date itself.
CREATE TABLE artisans (
  id INTEGER PRIMARY KEY,
  rm_number TEXT NOT NULL UNIQUE,
  siren TEXT NOT NULL,
  register TEXT NOT NULL CHECK (register IN ('RM', 'RE')),
  department TEXT NOT NULL,
  birth_name TEXT NOT NULL,
  usage_name TEXT,
  first_names TEXT NOT NULL,
  birth_date_hmac TEXT NOT NULL,
  company_name TEXT,
  trade_name TEXT,
  -- JSON array of {code, label, main}: APRM activity codes.
  activities TEXT NOT NULL DEFAULT '[]',
  qualification TEXT NOT NULL CHECK (qualification IN
    ('artisan', 'maitre-artisan', 'artisan-art', 'maitre-artisan-art', 'conjoint-collaborateur', 'none')),
  chamber TEXT NOT NULL,
  -- JSON object {line1, line2, postalCode, city}.
  address TEXT NOT NULL DEFAULT '{}',
  registered_on TEXT NOT NULL,
  radiated_on TEXT,
  account_status TEXT NOT NULL CHECK (account_status IN ('none', 'pending', 'active')),
  version INTEGER NOT NULL
) STRICT;

CREATE INDEX artisans_siren ON artisans (siren);
