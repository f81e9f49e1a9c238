-- dyad store schema, version 4 (SQLite): documents, sentences and mentions are keyed by
-- integers in insertion order. The content hash (documents.id) stays the external id, with
-- a UNIQUE index of its own; sentences and mentions point at their document by its integer
-- `key`, so a new document's rows go at the end of their B-trees instead of on a random page
-- each (a hash key dirtied most index pages at every commit: a third of the write time went
-- to the WAL). Mentions keep the document's hash as a plain column: their ids are built from
-- it. events_by_code and events_by_place go: no query reads them (code is matched with LIKE,
-- which SQLite does not answer from an index, and the place ranking reads events by day).
-- SQLite cannot change a table's key in place: each table is rebuilt under a new name,
-- filled, and renamed over the old one, in the one transaction of this migration.

CREATE TABLE documents_v4 (
  key INTEGER PRIMARY KEY,             -- insertion order; what sentences and mentions point at
  id TEXT NOT NULL UNIQUE,             -- content hash (Document::id), the external id
  external_id TEXT NOT NULL,
  outlet TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  published TEXT NOT NULL,
  published_day INTEGER,
  language TEXT NOT NULL,
  origin TEXT NOT NULL,
  text TEXT NOT NULL,
  coder_version TEXT NOT NULL,
  dictionaries_version TEXT NOT NULL,
  models_version TEXT NOT NULL,
  sentence_count INTEGER NOT NULL,
  mention_count INTEGER NOT NULL
);
INSERT INTO documents_v4 (id, external_id, outlet, url, title, published, published_day, language, origin, text,
                          coder_version, dictionaries_version, models_version, sentence_count, mention_count)
  SELECT id, external_id, outlet, url, title, published, published_day, language, origin, text,
         coder_version, dictionaries_version, models_version, sentence_count, mention_count
  FROM documents ORDER BY rowid;
DROP TABLE documents;
ALTER TABLE documents_v4 RENAME TO documents;
CREATE INDEX documents_by_day ON documents(published_day);

-- Sentences keep their ids: the full-text index refers to them.
DROP TRIGGER IF EXISTS sentences_fts_delete;
CREATE TABLE sentences_v4 (
  id INTEGER PRIMARY KEY,
  document_key INTEGER NOT NULL,       -- documents.key
  document_id TEXT NOT NULL,           -- its hash, for search results
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (document_key, idx)
);
INSERT INTO sentences_v4 (id, document_key, document_id, idx, span_begin, span_end, text)
  SELECT s.id, d.key, s.document_id, s.idx, s.span_begin, s.span_end, s.text
  FROM sentences s JOIN documents d ON d.id = s.document_id ORDER BY s.id;
DROP TABLE sentences;
ALTER TABLE sentences_v4 RENAME TO sentences;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE mentions_v4 (
  document_key INTEGER NOT NULL,       -- documents.key
  document_id TEXT NOT NULL,           -- its hash: the mention's id is <document_id>-<ordinal>
  ordinal INTEGER NOT NULL,
  sentence_index INTEGER NOT NULL,
  source TEXT NOT NULL, source_country TEXT NOT NULL, source_entry TEXT NOT NULL,
  source_text TEXT NOT NULL, source_begin INTEGER NOT NULL, source_end INTEGER NOT NULL,
  target TEXT NOT NULL, target_country TEXT NOT NULL, target_entry TEXT NOT NULL,
  target_text TEXT NOT NULL, target_begin INTEGER NOT NULL, target_end INTEGER NOT NULL,
  code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  plover_type TEXT NOT NULL, plover_mode TEXT NOT NULL, plover_context TEXT NOT NULL,
  acled_type TEXT NOT NULL, acled_sub_type TEXT NOT NULL,
  report_day INTEGER, event_day INTEGER,
  negated INTEGER NOT NULL, hypothetical INTEGER NOT NULL, future INTEGER NOT NULL,
  claimed_by TEXT NOT NULL,
  confidence REAL NOT NULL,
  verb_begin INTEGER NOT NULL, verb_end INTEGER NOT NULL,
  pattern TEXT NOT NULL,
  place TEXT NOT NULL,
  outlet TEXT NOT NULL,
  coder_version TEXT NOT NULL, dictionaries_version TEXT NOT NULL, models_version TEXT NOT NULL,
  event_id TEXT,
  PRIMARY KEY (document_key, ordinal)
);
INSERT INTO mentions_v4
  SELECT d.key, m.document_id, m.ordinal, m.sentence_index, m.source, m.source_country, m.source_entry,
         m.source_text, m.source_begin, m.source_end, m.target, m.target_country, m.target_entry, m.target_text,
         m.target_begin, m.target_end, m.code, m.root, m.quad_class, m.goldstein, m.plover_type, m.plover_mode,
         m.plover_context, m.acled_type, m.acled_sub_type, m.report_day, m.event_day, m.negated, m.hypothetical,
         m.future, m.claimed_by, m.confidence, m.verb_begin, m.verb_end, m.pattern, m.place, m.outlet,
         m.coder_version, m.dictionaries_version, m.models_version, m.event_id
  FROM mentions m JOIN documents d ON d.id = m.document_id ORDER BY d.key, m.ordinal;
DROP TABLE mentions;
ALTER TABLE mentions_v4 RENAME TO mentions;
CREATE INDEX mentions_by_dyad ON mentions(source_country, target_country, event_day);
CREATE INDEX mentions_by_event ON mentions(event_id);

DROP INDEX IF EXISTS events_by_code;
DROP INDEX IF EXISTS events_by_place;
