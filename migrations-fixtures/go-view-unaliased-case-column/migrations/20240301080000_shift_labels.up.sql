-- The other names of unaliased expressions: a cast of a constant after its type (text), a
-- scalar subquery after its one column (starts_at), a CASE whose ELSE names no column "case".
CREATE VIEW shift_labels AS
SELECT
    s.id AS shift_id,
    'primary'::text,
    (SELECT p.starts_at FROM shifts p WHERE p.id = s.id),
    CASE WHEN s.backup_member_id IS NULL THEN 'alone' ELSE 'paired' END
FROM shifts s;
