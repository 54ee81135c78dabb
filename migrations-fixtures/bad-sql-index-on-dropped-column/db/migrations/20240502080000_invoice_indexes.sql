-- migrate:up
CREATE INDEX invoices_customer_issued ON invoices (customer_id, issued_on DESC) INCLUDE (id);
CREATE UNIQUE INDEX invoices_legacy_ref ON invoices (legacy_ref) WHERE legacy_ref IS NOT NULL;

-- migrate:down
DROP INDEX invoices_legacy_ref;
DROP INDEX invoices_customer_issued;
