DROP TABLE IF EXISTS {{ index .Options "Namespace" }}.accounts;
