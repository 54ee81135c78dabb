-- Reminders move to a table that knows the channel; the old one is kept for a release.
ALTER TABLE reminders RENAME TO reminders_legacy;
CREATE TABLE reminders (
    id       serial PRIMARY KEY,
    pet_id   int NOT NULL REFERENCES pets (id),
    due_on   date NOT NULL,
    channel  text NOT NULL DEFAULT 'sms',
    sent_at  timestamptz
);
