-- Version 13 is newer than SCHEMA_VERSION: this release does not apply it.
ALTER TABLE accounts ADD COLUMN locale TEXT;
