# No Django import here: the base and the field are the project's.
from library.fields.colour import ColourField

from .core import Named


class Tinted(Named):
    colour = ColourField(max_length=7, blank=True)

    class Meta:
        abstract = True
