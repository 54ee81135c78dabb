# The schema version this release of the homeserver runs at: deltas of later versions are not applied.
SCHEMA_VERSION = 12
