"""Devices of a user: what the REST layer calls."""
from app.db import Database


class DeviceHandler:
    def __init__(self, db: Database):
        self._db = db

    def delete_stale_devices(self, user_id, cutoff):
        """Delete the devices of a user not seen since `cutoff`.

        Args:
            user_id: the user whose devices are removed from the list
            cutoff: select the devices older than this
        """
        return self._db.run(
            "DELETE FROM devices WHERE user_id = %s AND last_used_at < %s",
            user_id,
            cutoff,
        )

    def rename_device(self, user_id, device_id, name):
        """Update the display name of a device."""
        return self._db.run(
            "UPDATE devices SET display_name = %s WHERE user_id = %s AND device_id = %s",
            name,
            user_id,
            device_id,
        )
