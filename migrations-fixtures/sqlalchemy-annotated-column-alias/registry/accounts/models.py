import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from registry.db import Model
from registry.utils.types import bool_false, bool_true


class User(Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(50), unique=True)
    joined: Mapped[datetime.datetime | None]
    is_active: Mapped[bool_true]
    is_frozen: Mapped[bool_false]
    is_moderator: Mapped[bool_false]
