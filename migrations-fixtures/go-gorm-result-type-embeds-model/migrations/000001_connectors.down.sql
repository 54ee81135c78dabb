DROP TABLE connector_statuses; DROP TABLE connectors;
