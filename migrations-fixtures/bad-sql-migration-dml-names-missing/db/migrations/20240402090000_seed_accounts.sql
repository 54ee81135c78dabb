UPDATE accounts SET email = lower(email);
INSERT INTO accounts (email, tier) VALUES ('owner@example.com', 'gold');
