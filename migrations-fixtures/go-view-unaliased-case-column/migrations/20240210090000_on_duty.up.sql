-- PostgreSQL names an unaliased CASE after its ELSE when that names a column: the view's second
-- column is member_id.
CREATE VIEW on_duty AS
SELECT
    s.id AS shift_id,
    CASE WHEN s.member_id IS NULL THEN s.backup_member_id ELSE s.member_id END
FROM shifts s;

-- A view over it names the column PostgreSQL gave: this migration runs.
CREATE VIEW on_duty_names AS
SELECT d.shift_id, d.member_id, m.name
FROM on_duty d
JOIN members m ON m.id = d.member_id;
