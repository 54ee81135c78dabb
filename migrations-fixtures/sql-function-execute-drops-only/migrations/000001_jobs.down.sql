DROP TABLE retired_indexes; DROP TABLE jobs;
