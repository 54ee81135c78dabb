DROP TABLE credentials; DROP TABLE credential_identifiers; DROP TABLE recovery_addresses; DROP TABLE identities;
