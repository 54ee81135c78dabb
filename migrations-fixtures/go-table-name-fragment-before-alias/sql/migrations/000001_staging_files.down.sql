DROP TABLE wh_schema_snapshots;
DROP TABLE wh_staging_files;
