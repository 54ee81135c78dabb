from typing import Optional

from sqlalchemy.orm import Mapped, mapped_column

from app.models.users import User


class Admin(User):
    # Single-table inheritance onto users, declared in another module: no migration adds the column.
    __mapper_args__ = {"polymorphic_identity": "admin"}

    admin_level: Mapped[Optional[int]] = mapped_column()
