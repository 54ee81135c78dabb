ALTER TABLE app_old_setting RENAME TO app_setting;
