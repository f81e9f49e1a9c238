-- dyad store schema, version 3 (SQLite): the full-text index is fed once per batch by the
-- store (one INSERT ... SELECT over the batch's new sentences), not by a trigger per row.
-- FTS5 flushes its pending terms at every statement savepoint inside a transaction, so a
-- row trigger wrote one tiny index segment per sentence and cost a fifth of all write time.
-- Deletes still go through the delete trigger: they are rare (re-coding) and must match rows.
DROP TRIGGER IF EXISTS sentences_fts_insert;
