"""The statements the jobs run, kept in one place so the DBA can review them."""

STALE_SESSIONS = "SELECT id, user_id FROM sessions WHERE last_seen_at < $1"
