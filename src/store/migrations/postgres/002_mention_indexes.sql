-- dyad store schema, version 2: mentions keep only the indexes their writes and regrouping
-- use (by dyad and day, by event). Queries by actor, code and place go to the events table,
-- which has those indexes; four more B-trees on every mention cost a third of the write speed.
DROP INDEX IF EXISTS mentions_by_source;
DROP INDEX IF EXISTS mentions_by_target;
DROP INDEX IF EXISTS mentions_by_code;
DROP INDEX IF EXISTS mentions_by_place;
