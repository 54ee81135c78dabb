import datetime
import uuid
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from orchestrator.utilities.database import CAMEL_TO_SNAKE


class Base(DeclarativeBase):
    @declared_attr.directive
    def __tablename__(cls) -> str:
        return CAMEL_TO_SNAKE.sub("_", cls.__name__).lower()

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    created: Mapped[datetime.datetime] = mapped_column(server_default=sa.func.now())
    updated: Mapped[datetime.datetime] = mapped_column(server_default=sa.func.now(), onupdate=sa.func.now())


class Flow(Base):
    name: Mapped[str]
    tags: Mapped[list] = mapped_column(sa.JSON, server_default="[]")

    flow_runs: Mapped[list["FlowRun"]] = relationship(back_populates="flow", lazy="raise")


class FlowRun(Base):
    flow_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("flow.id", ondelete="cascade"))
    name: Mapped[str]
    state_type: Mapped[Optional[str]]
    expected_start_time: Mapped[Optional[datetime.datetime]]
    # Added to the model; the migration that adds it was never written.
    work_queue_name: Mapped[Optional[str]]

    flow: Mapped["Flow"] = relationship(back_populates="flow_runs", lazy="selectin")
