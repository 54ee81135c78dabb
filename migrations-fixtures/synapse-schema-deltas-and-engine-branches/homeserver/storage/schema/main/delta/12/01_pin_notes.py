from homeserver.storage.engines import BaseDatabaseEngine, PostgresEngine


def run_create(cur, database_engine: BaseDatabaseEngine) -> None:
    # Computed per engine: the runner imports and runs this, schemagate does not follow it.
    if isinstance(database_engine, PostgresEngine):
        column_type = "BOOLEAN"
    else:
        column_type = "INTEGER"
    cur.execute("ALTER TABLE notes ADD COLUMN pinned " + column_type)
