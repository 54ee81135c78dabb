-- Run by the nightly report: written by hand, checked.
SELECT id, user_id FROM sessions WHERE expires_at < now();
