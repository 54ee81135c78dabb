-- Seed rows Spring runs after Hibernate has built the schema.
INSERT INTO product (id, is_deleted) VALUES (1, false) ON CONFLICT DO NOTHING;
