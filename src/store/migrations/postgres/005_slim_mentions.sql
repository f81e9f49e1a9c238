-- dyad store schema, version 5 (PostgreSQL): the same columns go as in SQLite's version 5.
-- A mention no longer repeats its document's hash, outlet and coding versions, nor a
-- sentence the hash; readers join documents on document_key.
ALTER TABLE mentions DROP COLUMN document_id, DROP COLUMN outlet, DROP COLUMN coder_version,
  DROP COLUMN dictionaries_version, DROP COLUMN models_version;
ALTER TABLE sentences DROP COLUMN document_id;
