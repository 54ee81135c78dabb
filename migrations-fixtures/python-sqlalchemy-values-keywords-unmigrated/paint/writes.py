import sqlalchemy as sa
from sqlalchemy import insert, update

from paint.models import Swatch


async def add(session, name, shade):
    # The keywords are the model's attributes: shade is written to shade_code.
    await session.execute(insert(Swatch).values(name=name, shade=shade))


async def polish(session, swatch_id):
    # gloss is added by no migration: the UPDATE fails.
    await session.execute(sa.update(Swatch).where(Swatch.id == swatch_id).values(gloss=3))


async def rename(session, swatch_id, name):
    # finish is no attribute of Swatch: SQLAlchemy refuses it before any SQL is sent.
    await session.execute(update(Swatch).where(Swatch.id == swatch_id).values(name=name, finish="matte"))
