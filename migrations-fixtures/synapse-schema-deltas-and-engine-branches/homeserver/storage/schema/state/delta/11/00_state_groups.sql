-- Sorted with main/delta/11 by file name: runs before 01_accounts_email.sql.
CREATE TABLE state_groups (
    id BIGINT NOT NULL,
    room_id TEXT NOT NULL
);
