-- Written before plan was dropped, merged after: PostgreSQL rejects it.
UPDATE accounts SET plan = 'free' WHERE plan IS NULL;
