ALTER TABLE llm_usage ADD COLUMN completion_tokens integer NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN status text NOT NULL DEFAULT 'queued';
ALTER TABLE jobs ADD COLUMN finished_at timestamptz;
