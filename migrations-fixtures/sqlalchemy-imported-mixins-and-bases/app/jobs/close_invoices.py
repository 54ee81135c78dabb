from sqlalchemy import select

from app.models.billing import Invoice


def open_invoices(session):
    return session.scalars(select(Invoice).where(Invoice.deleted_at.is_(None))).all()
