from homeserver.storage.database import DatabasePool
from homeserver.storage.engines import PostgresEngine, Sqlite3Engine

DEVICE_COLUMNS = ("device_id", "display_name", "last_seen", "hidden")


class DeviceStore:
    async def get_device(self, user_id, device_id):
        return await self.db_pool.simple_select_one(
            table="devices",
            keyvalues={"user_id": user_id, "device_id": device_id},
            retcols=DEVICE_COLUMNS,
            desc="get_device",
        )

    async def count_devices(self, user_id):
        # retcol is an SQL expression: not a column, the rest is checked.
        return await self.db_pool.simple_select_one_onecol(
            "devices", {"user_id": user_id}, "COUNT(*)", desc="count_devices"
        )

    async def rename_device(self, user_id, device_id, name):
        # No delta adds devices.renamed_ts: a missing column.
        await self.db_pool.simple_update_one(
            table="devices",
            keyvalues={"user_id": user_id, "device_id": device_id},
            updatevalues={"display_name": name, "renamed_ts": 0},
            desc="rename_device",
        )

    def _add_token_txn(self, txn, user_id, device_id, token, now):
        DatabasePool.simple_insert_txn(
            txn,
            table="device_tokens",
            values={"user_id": user_id, "device_id": device_id, "token": token, "created_ts": now},
        )

    def _tag_txn(self, txn, user_id, room_id, tag, content):
        if isinstance(self.database_engine, PostgresEngine):
            self.db_pool.simple_upsert_txn(
                txn,
                table="room_tags",
                keyvalues={"user_id": user_id, "room_id": room_id, "tag": tag},
                values={"content": content},
            )
        elif isinstance(self.database_engine, Sqlite3Engine):
            # Only SQLite runs this branch: a SQLite-only table is no finding.
            self.db_pool.simple_insert_txn(txn, table="room_tags_sqlite_shadow", values={"tag": tag})

    def _delete_txn(self, txn, table, user_id):
        # The table is a parameter: the call is unchecked.
        self.db_pool.simple_delete_txn(txn, table=table, keyvalues={"user_id": user_id})

    async def remove_tokens(self, user_id, device_ids):
        await self.db_pool.simple_delete_many(
            table="device_tokens",
            column="device_id",
            iterable=device_ids,
            keyvalues={"user_id": user_id},
            desc="remove_tokens",
        )
