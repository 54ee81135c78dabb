INSERT INTO members (id, team_id, email, role, created_at, updated_at) VALUES (1, '00000000-0000-0000-0000-000000000001', 'a@example.com', 'admin', now(), now());
