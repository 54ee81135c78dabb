DROP TABLE api_permissions;
