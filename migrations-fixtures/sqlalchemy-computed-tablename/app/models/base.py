import uuid

from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from app.utilities.database import CAMEL_TO_SNAKE


class Base(DeclarativeBase):
    """Every model's table is named after its class: FlowRun -> flow_run."""

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return CAMEL_TO_SNAKE.sub("_", cls.__name__).lower()

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class NamedAfterItself:
    """A mixin whose directive is not a known transform: its models stay unchecked."""

    @declared_attr.directive
    def __tablename__(cls) -> str:
        return cls.__name__.lower() + "s"
