-- Undo migration (Flyway Teams): never runs on the way up.
CREATE TABLE should_not_exist (id int);
