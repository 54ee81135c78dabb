CREATE TABLE pipeline_pauses (pipeline_id integer REFERENCES pipelines (id), paused_by text);
