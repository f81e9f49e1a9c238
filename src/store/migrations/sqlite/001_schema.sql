-- dyad store schema, version 1 (SQLite). docs/storage.md explains every table.
-- Days are integers (days since 1970-01-01) so that windows and weeks are plain arithmetic;
-- dates are also kept as text (YYYY-MM-DD) for people reading the file.

CREATE TABLE documents (
  id TEXT PRIMARY KEY,                 -- content hash (Document::id)
  external_id TEXT NOT NULL,
  outlet TEXT NOT NULL,
  url TEXT NOT NULL,
  title TEXT NOT NULL,
  published TEXT NOT NULL,             -- YYYY-MM-DD, '' when unknown
  published_day INTEGER,               -- NULL when unknown
  language TEXT NOT NULL,
  origin TEXT NOT NULL,
  text TEXT NOT NULL,
  coder_version TEXT NOT NULL,
  dictionaries_version TEXT NOT NULL,
  models_version TEXT NOT NULL,
  sentence_count INTEGER NOT NULL,     -- rows it has in sentences and mentions: integrity checks
  mention_count INTEGER NOT NULL
);
CREATE INDEX documents_by_day ON documents(published_day);

CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  span_begin INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (document_id, idx)
);

-- Full text over sentences: an external-content FTS5 index kept in step by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE mentions (
  document_id TEXT NOT NULL,
  ordinal INTEGER NOT NULL,            -- position among the document's mentions
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
  place TEXT NOT NULL,                 -- place key; the target's (else source's) country for now
  outlet TEXT NOT NULL,                -- the document's outlet, for distinct-source counts
  coder_version TEXT NOT NULL, dictionaries_version TEXT NOT NULL, models_version TEXT NOT NULL,
  event_id TEXT,                       -- NULL for flagged mentions (negated, hypothetical)
  PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX mentions_by_dyad ON mentions(source_country, target_country, event_day);
CREATE INDEX mentions_by_source ON mentions(source, event_day);
CREATE INDEX mentions_by_target ON mentions(target, event_day);
CREATE INDEX mentions_by_code ON mentions(code, event_day);
CREATE INDEX mentions_by_place ON mentions(place, event_day);
CREATE INDEX mentions_by_event ON mentions(event_id);

CREATE TABLE events (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL,           -- the representative mention
  ordinal INTEGER NOT NULL,
  source TEXT NOT NULL, source_country TEXT NOT NULL,
  target TEXT NOT NULL, target_country TEXT NOT NULL,
  code TEXT NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL, goldstein REAL NOT NULL,
  event_day INTEGER NOT NULL,
  place TEXT NOT NULL,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  first_seen_day INTEGER NOT NULL,
  last_seen_day INTEGER NOT NULL
);
-- Covers the per-dyad series: no table lookup for a dyad's counts and Goldstein sums.
CREATE INDEX events_by_dyad ON events(source_country, target_country, event_day, quad_class, root, goldstein);
CREATE INDEX events_by_day ON events(event_day);
CREATE INDEX events_by_source ON events(source, event_day);
CREATE INDEX events_by_target ON events(target, event_day);
CREATE INDEX events_by_code ON events(code, event_day);
CREATE INDEX events_by_place ON events(place, event_day);

CREATE TABLE actors (
  code TEXT PRIMARY KEY,
  country TEXT NOT NULL,
  roles TEXT NOT NULL
);

CREATE TABLE places (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  admin1 TEXT NOT NULL,
  latitude REAL,
  longitude REAL,
  precision TEXT NOT NULL              -- 'country' until geolocation resolves places
);
