-- Not numbered: re-applied after the numbered files on every deploy.
CREATE OR REPLACE VIEW unpaid_invoices AS
SELECT i.id, i.amount, o.name AS owner, o.email, v.visit_on
FROM invoices i
JOIN visits v ON v.id = i.visit_id
JOIN pets p ON p.id = v.pet_id
JOIN owners o ON o.id = p.owner_id
WHERE i.paid_on IS NULL;
