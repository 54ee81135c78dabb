ALTER TABLE support_tickets RENAME COLUMN subject TO title;
