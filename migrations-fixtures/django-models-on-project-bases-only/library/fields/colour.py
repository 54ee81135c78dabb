from django.db import models


class ColourField(models.CharField):
    """A hex colour, stored as text."""
