DROP TABLE payouts, refunds, invoices;
DROP SCHEMA reporting CASCADE;
