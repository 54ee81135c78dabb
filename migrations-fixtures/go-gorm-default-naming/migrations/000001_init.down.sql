DROP TABLE archived_runs; DROP TABLE inventory_widgets; DROP TABLE people; DROP TABLE project_runs;
