CREATE TYPE message_status AS ENUM ('pending', 'sent', 'failed');
CREATE TABLE channels (id uuid PRIMARY KEY, name text NOT NULL);
CREATE TABLE messages (id uuid PRIMARY KEY, channel_id uuid NOT NULL REFERENCES channels (id), status message_status NOT NULL);
