import uuid

from sqlmodel import Session, select

from app.models import Item


def read_items(session: Session, owner_id: uuid.UUID) -> list[Item]:
    return list(session.exec(select(Item).where(Item.owner_id == owner_id)).all())
