from .genres import Genre, Shelf  # noqa: F401
