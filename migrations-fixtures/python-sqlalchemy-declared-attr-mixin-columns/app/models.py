from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Audited:
    """Who created a row and who closed it: columns of every model that mixes this in."""

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("agents.id"), nullable=True)

    @declared_attr
    def closed_by_id(cls) -> Mapped[int | None]:
        # No migration adds it to tickets.
        return mapped_column(ForeignKey("agents.id"), nullable=True)

    @declared_attr
    def created_by(cls):
        return relationship("Agent", foreign_keys=[cls.created_by_id])


class Agent(Base):
    __tablename__ = "agents"
    id: Mapped[int] = mapped_column(primary_key=True)


class Ticket(Audited, Base):
    __tablename__ = "tickets"
    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(200))
