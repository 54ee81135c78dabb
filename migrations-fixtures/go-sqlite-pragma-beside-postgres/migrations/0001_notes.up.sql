CREATE TABLE notes (id bigserial PRIMARY KEY, pinned boolean NOT NULL DEFAULT false);
