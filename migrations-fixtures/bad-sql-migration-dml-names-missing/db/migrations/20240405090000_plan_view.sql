-- A report view written before plan was dropped: CREATE VIEW fails on it.
CREATE VIEW account_plans AS SELECT id, email, plan FROM accounts;
CREATE VIEW account_emails AS SELECT id, lower(email) AS email FROM accounts;
