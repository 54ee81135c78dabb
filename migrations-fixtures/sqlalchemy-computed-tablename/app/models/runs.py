import datetime
from typing import Any, Iterable, Optional

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.models.base import Base, NamedAfterItself


class FlowRun(Base):
    name: Mapped[str]
    state_type: Mapped[Optional[str]]
    # No migration adds it: every query of FlowRun selects flow_run.retry_count.
    retry_count: Mapped[int] = mapped_column(default=0)


class FlowRunState(Base):
    flow_run_id: Mapped[Any] = mapped_column(sa.ForeignKey("flow_run.id"))
    timestamp: Mapped[datetime.datetime]

    @declared_attr.directive
    @classmethod
    def __table_args__(cls) -> Iterable[sa.Index]:
        return (sa.Index("uq_flow_run_state__flow_run_id_timestamp", cls.flow_run_id, cls.timestamp, unique=True),)


class Event(Base):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return "events"

    occurred: Mapped[datetime.datetime]


class Report(NamedAfterItself, Base):
    title: Mapped[str]
