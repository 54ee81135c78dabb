from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models import AuditMixin, Base, TimestampMixin
from app.models.base import AutoNamed, SoftDeleteMixin
from payments_sdk.orm import ProviderMixin


class Invoice(Base, TimestampMixin, AuditMixin, SoftDeleteMixin):
    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32))


class Payment(Base, ProviderMixin):
    # ProviderMixin belongs to an installed package: the columns it adds are not known, so
    # nothing is said about them (the declared ones are still checked).
    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"))
    amount_cents: Mapped[int] = mapped_column(BigInteger)


class Reminder(Base, AutoNamed):
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
