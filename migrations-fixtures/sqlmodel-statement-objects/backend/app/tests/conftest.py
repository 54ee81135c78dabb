from collections.abc import Generator

import pytest
from sqlalchemy import delete, text
from sqlmodel import Session, select

from app.models import Item, User


@pytest.fixture(scope="session", autouse=True)
def db(engine) -> Generator[Session, None, None]:
    with Session(engine) as session:
        yield session
        # Statement objects, not SQL text: nothing here is a dynamic query.
        statement = delete(Item)
        session.execute(statement)
        session.execute(delete(User).where(User.is_active == False))  # noqa: E712
        leftovers = select(User).where(User.email.like("%@example.com"))
        session.execute(leftovers)
        session.execute(text("UPDATE item SET archived_at = now() WHERE owner_id IS NULL"))
        session.commit()


def run_script(session: Session, script: str) -> None:
    # The statement arrives at run time: unchecked.
    session.execute(text(script))
