CREATE TABLE users (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE groups (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE user_groups (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    role text NOT NULL DEFAULT 'user',
    PRIMARY KEY (user_id, group_id)
);
CREATE TABLE activities (id uuid PRIMARY KEY, summary text NOT NULL);
