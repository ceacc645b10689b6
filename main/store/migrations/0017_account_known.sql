-- What this kiosk itself learnt of an artisan's account (an activation made here, a
-- confirmation or a login it saw), written at once into artisans.account_status as well, so
-- that an artisan back a minute later is not offered "Activer mon compte" again while the
-- replica waits for its next sync. Kept here, with when it was learnt, because a changes page
-- fetched before that moment may still be on its way: its rows carry the account as it was,
-- and the sync puts back what the kiosk knew (main/store/account-known-repo.ts). Forgotten once
-- the feed has been read to its end from after that moment (then the registry's word stands).
CREATE TABLE account_known (
  rm_number TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('pending', 'active')),
  -- Unix ms, the kiosk's clock (the sync compares it with when it asked for a page).
  known_at INTEGER NOT NULL
) STRICT;
