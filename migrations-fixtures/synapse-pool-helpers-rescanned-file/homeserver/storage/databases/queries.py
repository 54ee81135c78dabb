# Statements shared by the stores.
PRUNE_TOKENS = "DELETE FROM device_tokens WHERE created_ts < ?"
