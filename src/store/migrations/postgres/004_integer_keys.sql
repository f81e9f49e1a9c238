-- dyad store schema, version 4 (PostgreSQL): the same keys as SQLite's version 4, so that the
-- store's statements stay one set. Documents get an integer `key` in insertion order (the
-- content hash stays the external id and the primary key); sentences and mentions point at
-- their document by it, and are keyed by it. events_by_code and events_by_place go, as on
-- SQLite: the place ranking reads events by day, and the code filter is a LIKE prefix, which a
-- B-tree answers only under the C collation; every event query also bounds the day.
ALTER TABLE documents ADD COLUMN key BIGSERIAL;
ALTER TABLE documents ADD CONSTRAINT documents_key UNIQUE (key);

ALTER TABLE sentences ADD COLUMN document_key BIGINT;
UPDATE sentences s SET document_key = d.key FROM documents d WHERE d.id = s.document_id;
ALTER TABLE sentences ALTER COLUMN document_key SET NOT NULL;
ALTER TABLE sentences DROP CONSTRAINT sentences_document_id_idx_key;
ALTER TABLE sentences ADD CONSTRAINT sentences_document_key_idx UNIQUE (document_key, idx);

ALTER TABLE mentions ADD COLUMN document_key BIGINT;
UPDATE mentions m SET document_key = d.key FROM documents d WHERE d.id = m.document_id;
ALTER TABLE mentions ALTER COLUMN document_key SET NOT NULL;
ALTER TABLE mentions DROP CONSTRAINT mentions_pkey;
ALTER TABLE mentions ADD PRIMARY KEY (document_key, ordinal);

DROP INDEX IF EXISTS events_by_code;
DROP INDEX IF EXISTS events_by_place;
