from django.db import models


class SerialField(models.IntegerField):
    """An integer column filled from its own sequence."""

    def db_type(self, connection):
        return "serial"
