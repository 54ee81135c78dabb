-- legacy_sessions was created by hand before migrations were kept: it may well exist.
DELETE FROM legacy_sessions WHERE id < 10;
DELETE FROM audit_trail WHERE id < 10;
