-- dyad store schema, version 5 (SQLite): a mention no longer repeats what its document row
-- holds. The document's hash, outlet and coding versions were copied onto every mention (and
-- the hash onto every sentence); the dictionaries' version alone names each file with its
-- hash, some 340 bytes, so a store of ten million mentions carried gigabytes of copies, all
-- written to the WAL and back at every batch. Readers join documents on document_key, which
-- is its integer primary key. A document is coded in one go, so its mentions' versions are
-- its own. None of these columns is in an index: SQLite drops them in place.
ALTER TABLE mentions DROP COLUMN document_id;
ALTER TABLE mentions DROP COLUMN outlet;
ALTER TABLE mentions DROP COLUMN coder_version;
ALTER TABLE mentions DROP COLUMN dictionaries_version;
ALTER TABLE mentions DROP COLUMN models_version;
ALTER TABLE sentences DROP COLUMN document_id;
