CREATE TABLE job_pauses (job_id integer REFERENCES jobs (id), paused_by text);
