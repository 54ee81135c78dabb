from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from . import base


class User(base.Base, base.TimestampMixin):
    __tablename__ = "users"
    __mapper_args__ = {"polymorphic_on": "kind", "polymorphic_identity": "user"}

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
