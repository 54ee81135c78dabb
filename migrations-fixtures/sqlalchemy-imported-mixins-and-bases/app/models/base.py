import datetime
from typing import Optional

from sqlalchemy import DateTime, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column


class Base(DeclarativeBase):
    pass


class TimestampMixin:
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class SoftDeleteMixin:
    # No migration adds it to invoices: the finding is at each model that mixes it in.
    deleted_at: Mapped[Optional[datetime.datetime]] = mapped_column(DateTime(timezone=True))


class AutoNamed:
    # The table name is computed from the class name at run time.
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower() + "s"

    note: Mapped[Optional[str]] = mapped_column(String(200))
