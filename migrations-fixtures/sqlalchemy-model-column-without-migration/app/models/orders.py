import datetime
from typing import Optional

import sqlalchemy as sa
from sqlalchemy import Column, ForeignKey, Integer, String, Table, Text
from sqlalchemy.orm import Mapped, column_property, deferred, mapped_column, relationship

from app.models.base import Base


class TimestampMixin:
    created_at: Mapped[datetime.datetime] = mapped_column(sa.DateTime(timezone=True))
    updated_at: Mapped[datetime.datetime] = mapped_column(sa.DateTime(timezone=True))
    archived_at: Mapped[Optional[datetime.datetime]] = mapped_column(sa.DateTime(timezone=True))


class Customer(TimestampMixin, Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(255))
    loyalty_tier: Mapped[Optional[str]]
    orders: Mapped[list["Order"]] = relationship(back_populates="customer")


class Order(TimestampMixin, Base):
    __tablename__ = "orders"

    id = Column(Integer, primary_key=True)
    customer_id = Column(ForeignKey("customers.id"), nullable=False)
    total = Column("total_cents", Integer, nullable=False)
    currency = mapped_column("currency_code", String(3))
    kind = Column(String(20), nullable=False)
    notes = deferred(Column(Text))
    internal_memo = deferred(Column(Text))
    item_count = column_property(sa.select(sa.func.count()).scalar_subquery())
    customer = relationship("Customer", back_populates="orders")

    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "order"}


class GiftOrder(Order):
    gift_message = Column(Text)

    __mapper_args__ = {"polymorphic_identity": "gift"}


class Refund(Base):
    __tablename__ = "refunds"

    id = Column(Integer, primary_key=True)
    order_id = Column(ForeignKey("orders.id"), nullable=False)
    amount_cents = Column(Integer, nullable=False)
    reason = Column(Text)


order_tags = Table(
    "order_tags",
    Base.metadata,
    Column("order_id", ForeignKey("orders.id")),
    Column("tag", String(40)),
    Column("added_by", String(40)),
)
