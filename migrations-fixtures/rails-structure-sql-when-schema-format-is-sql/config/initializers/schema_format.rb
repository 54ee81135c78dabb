# The schema is kept as SQL: db/structure.sql is what Rails loads.
Rails.application.config.active_record.schema_format = :sql
