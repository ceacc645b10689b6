-- The name search, leaner to keep in step (README, Performance: pages a delta writes).
-- columnsize = 0: no table of each row's word counts. It serves ranking by relevance, which
-- the search does not do (it sorts by name), and a delta rewrote one of its pages per changed
-- artisan, a quarter of what the name index wrote. The index is built again from the rows
-- (a few seconds at a million artisans, once, when a kiosk is updated).
DROP TRIGGER IF EXISTS artisan_words_insert;
DROP TRIGGER IF EXISTS artisan_words_delete;
DROP TRIGGER IF EXISTS artisan_words_update;
DROP TABLE artisan_words;
CREATE VIRTUAL TABLE artisan_words USING fts5(
  birth_name, usage_name, first_names, company_name, trade_name,
  content = 'artisans', content_rowid = 'id', columnsize = 0,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO artisan_words (artisan_words) VALUES ('rebuild');

CREATE TRIGGER artisan_words_insert AFTER INSERT ON artisans BEGIN
  INSERT INTO artisan_words (rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES (new.id, new.birth_name, new.usage_name, new.first_names, new.company_name, new.trade_name);
END;
CREATE TRIGGER artisan_words_delete AFTER DELETE ON artisans BEGIN
  INSERT INTO artisan_words (artisan_words, rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES ('delete', old.id, old.birth_name, old.usage_name, old.first_names, old.company_name, old.trade_name);
END;
-- A change of the registry names every column (an upsert): the index is touched only when a
-- name did change, not for an account activated or an address moved, most of a day's changes.
CREATE TRIGGER artisan_words_update AFTER UPDATE OF birth_name, usage_name, first_names, company_name, trade_name ON artisans
WHEN old.birth_name IS NOT new.birth_name OR old.usage_name IS NOT new.usage_name OR old.first_names IS NOT new.first_names
  OR old.company_name IS NOT new.company_name OR old.trade_name IS NOT new.trade_name
BEGIN
  INSERT INTO artisan_words (artisan_words, rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES ('delete', old.id, old.birth_name, old.usage_name, old.first_names, old.company_name, old.trade_name);
  INSERT INTO artisan_words (rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES (new.id, new.birth_name, new.usage_name, new.first_names, new.company_name, new.trade_name);
END;

-- A kiosk updated in the middle of its first load (search-index.ts kept the old definitions
-- aside, to build at the load's end): the triggers above stand now and the load's end builds
-- the index again anyway; only the SIREN index is left for it to build.
UPDATE kiosk_meta SET value = (SELECT json_group_array(value) FROM json_each(kiosk_meta.value) WHERE value NOT LIKE '%artisan_words%')
  WHERE key = 'deferred-schema';
