import logging
from typing import Dict, List, Optional, Tuple

from homeserver.storage.database import DatabasePool, LoggingTransaction
from homeserver.util.caches import cached

logger = logging.getLogger(__name__)


class DeviceWorkerStore:
    def __init__(self, database: DatabasePool, db_conn, hs):
        self.db_pool = database
        self._clock = hs.get_clock()
        self._device_list_cache: Dict[str, int] = {}
        if hs.config.worker.run_background_tasks:
            self._clock.looping_call(self._prune_old_devices, 60 * 60 * 1000)

    def _invalidate_device_caches(self, user_id: str, device_ids: List[str]) -> None:
        for device_id in device_ids:
            self._device_list_cache.pop(f"{user_id}/{device_id}", None)
        logger.debug("Invalidated %d devices of %s", len(device_ids), user_id)

    async def _prune_old_devices(self) -> None:
        cutoff = self._clock.time_msec() - 90 * 24 * 60 * 60 * 1000
        removed = await self.db_pool.runInteraction("prune_old_devices", self._prune_old_devices_txn, cutoff)
        if removed:
            logger.info("Removed %d stale devices", removed)

    def _prune_old_devices_txn(self, txn: LoggingTransaction, cutoff: int) -> int:
        txn.execute("DELETE FROM devices WHERE last_seen < ?", (cutoff,))
        return txn.rowcount

    async def get_devices_by_user(self, user_id: str) -> Dict[str, dict]:
        devices = await self.db_pool.runInteraction(
            "get_devices_by_user", self._get_devices_by_user_txn, user_id
        )
        return {d["device_id"]: d for d in devices}

    def _split_device_key(self, key: str) -> Tuple[str, str]:
        user_id, _, device_id = key.partition("/")
        return user_id, device_id

    @cached()
    async def get_device(self, user_id: str, device_id: str) -> Optional[dict]:
        # No delta adds devices.last_ip: a missing column, through simple_select_one.
        return await self.db_pool.simple_select_one(
            table="devices",
            keyvalues={"user_id": user_id, "device_id": device_id},
            retcols=("display_name", "last_seen", "last_ip"),
            allow_none=True,
            desc="get_device",
        )

    async def get_token_expiry(self, user_id: str, device_id: str) -> List[Tuple[str, int]]:
        def _get_token_expiry_txn(txn: LoggingTransaction) -> List[Tuple[str, int]]:
            # No delta adds device_tokens.expires_ts: a missing column, through txn.execute.
            sql = """
                SELECT token, expires_ts FROM device_tokens
                WHERE user_id = ? AND device_id = ?
            """
            txn.execute(sql, (user_id, device_id))
            return [(row[0], row[1]) for row in txn]

        return await self.db_pool.runInteraction("get_token_expiry", _get_token_expiry_txn)

    def _get_devices_by_user_txn(self, txn: LoggingTransaction, user_id: str) -> List[dict]:
        return self.db_pool.simple_select_list_txn(
            txn,
            table="devices",
            keyvalues={"user_id": user_id},
            retcols=("device_id", "display_name", "hidden"),
        )
