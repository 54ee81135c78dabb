-- A report the team runs: it meets today's schema.
SELECT p.name, r.name, p.owner FROM projects p JOIN repos r ON r.id = p.repo_id;
