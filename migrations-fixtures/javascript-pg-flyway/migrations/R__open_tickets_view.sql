-- Repeatable: re-created whenever this file changes, after every versioned migration.
CREATE OR REPLACE VIEW open_tickets AS
SELECT t.id, t.subject, t.priority, t.opened_at, c.full_name AS customer
FROM tickets t
JOIN customers c ON c.id = t.customer_id
WHERE t.status <> 'closed';
