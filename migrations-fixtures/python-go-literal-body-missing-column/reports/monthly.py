"""Monthly signups, read by the reporting job with its own connection."""

# Kept as module text so the job can print it with --explain.
SIGNUPS = rb"""
    -- signups per month
    (SELECT date_trunc('month', created_at) AS month, count(*), max(nickname)
       FROM users
      GROUP BY 1)
"""

TITLE = "Signups with the month they came in"
