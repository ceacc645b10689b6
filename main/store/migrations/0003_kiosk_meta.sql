-- Small facts about this kiosk's store, such as which demo data set it was seeded with.
CREATE TABLE kiosk_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
