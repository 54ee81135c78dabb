# The schema version this release of the homeserver runs at.
SCHEMA_VERSION = 11
