from .core import Named
from .tinted import Tinted


class Genre(Tinted):
    class Meta:
        ordering = ("name",)


class Shelf(Named):
    pass
