from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Text, func
from sqlalchemy.orm import declarative_base, declared_attr

Base = declarative_base()

_shared_args = {"comment": "help desk"}


class Queue(Base):
    __tablename__ = "queues"

    @declared_attr
    def __table_args__(cls):
        # the unique index is on an expression, so it needs the column: a directive
        return (Index("ix_uq_queues_name_lower", func.lower(cls.name), unique=True),
                {"schema": "support"})

    id = Column(Integer, primary_key=True)
    name = Column(String, nullable=False)
    sla_minutes = Column(Integer)


class Ticket(Base):
    __tablename__ = "tickets"

    @declared_attr
    def __table_args__(cls):
        return {"schema": "support"}

    id = Column(Integer, primary_key=True)
    queue_id = Column(Integer, ForeignKey("support.queues.id"), nullable=False)
    subject = Column(String, nullable=False)
    closed_at = Column(DateTime(timezone=True))


class Macro(Base):
    __tablename__ = "macros"

    @declared_attr
    def __table_args__(cls):
        # options merged at run time: the schema is not read
        return (Index("ix_macros_title_lower", func.lower(cls.title)),
                {**_shared_args, "schema": "support"})

    id = Column(Integer, primary_key=True)
    title = Column(String, nullable=False)
    body_html = Column(Text)
