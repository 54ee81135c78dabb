-- Loaded into the test database before the settings tests.
INSERT INTO app_old_setting (value) VALUES ('dark');
