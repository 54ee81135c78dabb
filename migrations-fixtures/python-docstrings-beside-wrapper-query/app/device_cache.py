"""A cache of the devices each user has, in front of DeviceHandler."""


class DeviceCache:
    """Update the cache from the handler's answers.

    Entries are keyed by user; select the user's entry from the cache, then the device from it.
    """

    def __init__(self):
        self._entries = {}

    def invalidate(self, user_id):
        """Delete a user's entry, so the next read goes to the database."""
        self._entries.pop(user_id, None)

    def insert(self, user_id, devices):
        r"""Insert the devices read for a user into the cache."""
        self._entries[user_id] = {d["device_id"]: d for d in devices}
