-- Functions of a table's row type: PostgreSQL reads p.display_name as display_name(p) when
-- people has no column of that name.
CREATE FUNCTION display_name(p people) RETURNS text LANGUAGE sql STABLE
AS $$ SELECT p.given || ' ' || p.family $$;

-- A second argument with a default still leaves one to pass: p.initials works too.
CREATE FUNCTION initials(p people, sep text DEFAULT '') RETURNS text LANGUAGE sql STABLE
AS $$ SELECT left(p.given, 1) || sep || left(p.family, 1) $$;

-- These take something else: a team's row, a text.
CREATE FUNCTION member_count(t teams) RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT 0::bigint $$;
CREATE FUNCTION shout(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT upper(s) $$;
