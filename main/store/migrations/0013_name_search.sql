-- Staff find an artisan at the desk by name or company ("Délivrer une carte"): a full-text
-- index of the names, accent- and case-blind (Hélène = helene), searched by word beginnings.
-- It reads its text from the artisans table (external content): no second copy of names.
CREATE VIRTUAL TABLE artisan_words USING fts5(
  birth_name, usage_name, first_names, company_name, trade_name,
  content = 'artisans', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO artisan_words (artisan_words) VALUES ('rebuild');

-- Kept in step with every change of the replica. (A first load of the whole registry drops
-- these and the SIREN index, and builds them once at its end: search-index.ts.)
CREATE TRIGGER artisan_words_insert AFTER INSERT ON artisans BEGIN
  INSERT INTO artisan_words (rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES (new.id, new.birth_name, new.usage_name, new.first_names, new.company_name, new.trade_name);
END;
CREATE TRIGGER artisan_words_delete AFTER DELETE ON artisans BEGIN
  INSERT INTO artisan_words (artisan_words, rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES ('delete', old.id, old.birth_name, old.usage_name, old.first_names, old.company_name, old.trade_name);
END;
CREATE TRIGGER artisan_words_update AFTER UPDATE OF birth_name, usage_name, first_names, company_name, trade_name ON artisans BEGIN
  INSERT INTO artisan_words (artisan_words, rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES ('delete', old.id, old.birth_name, old.usage_name, old.first_names, old.company_name, old.trade_name);
  INSERT INTO artisan_words (rowid, birth_name, usage_name, first_names, company_name, trade_name)
    VALUES (new.id, new.birth_name, new.usage_name, new.first_names, new.company_name, new.trade_name);
END;
