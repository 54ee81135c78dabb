DROP VIEW recent_attempts; DROP TABLE counters; DROP TABLE login_attempts;
