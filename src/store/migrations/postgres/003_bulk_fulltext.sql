-- dyad store schema, version 3 (PostgreSQL): nothing to change. SQLite's full-text index
-- moved from a row trigger to one insert per batch; PostgreSQL's GIN index over the
-- sentences' tsvector is kept by the server itself. The number stays the same on both.
SELECT 1;
