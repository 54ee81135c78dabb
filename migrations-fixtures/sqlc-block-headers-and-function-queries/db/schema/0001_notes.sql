CREATE TABLE notes (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    body text NOT NULL DEFAULT ''
);

CREATE FUNCTION note_count() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT count(*) FROM notes $$;
