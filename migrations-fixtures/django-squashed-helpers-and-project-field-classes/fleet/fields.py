from django.db import models


class OwnerRoleField(models.ForeignKey):
    """A role created along with the object that owns it."""

    def __init__(self, parent_role=None, *args, **kwargs):
        self.parent_role = parent_role
        kwargs.setdefault("to", "fleet.Role")
        kwargs.setdefault("null", True)
        kwargs.setdefault("on_delete", models.SET_NULL)
        super().__init__(*args, **kwargs)


class SortedTagsField(models.ManyToManyField):
    """Tags kept in the order they were added."""


class StrictJSONField(models.JSONField):
    pass


class SchemaCheckedField(StrictJSONField):
    pass
