"""Device tokens.

Writes go through self.db_pool.simple_insert(...) and reads through simple_select_list; this
docstring names them, it calls neither.
"""
from homeserver.storage.databases.queries import PRUNE_TOKENS


class TokenStore:
    def __init__(self, db_pool):
        self.db_pool = db_pool
        # Kept for the retry loop, not called here.
        self._insert = self.db_pool.simple_insert

    def _prune_txn(self, txn, before_ts):
        txn.execute(PRUNE_TOKENS, (before_ts,))

    async def add_token(self, user_id, device_id, token):
        await self.db_pool.simple_insert(
            table="device_tokens",
            values={
                "user_id": user_id,
                "device_id": device_id,
                "token": token,
                # The inner read runs first; no delta adds devices.token_count.
                "created_ts": await self.db_pool.simple_select_one_onecol(
                    table="devices",
                    keyvalues={"user_id": user_id, "device_id": device_id},
                    retcol="token_count",
                ),
            },
            desc="add_token",
        )

    async def tokens_of(self, user_id):
        return await (self.db_pool.
                      simple_select_list(table="device_tokens", keyvalues={"user_id": user_id},
                                         retcols=("device_id", "token", "revoked_ts")))
