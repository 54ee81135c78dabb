from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Order, Refund


def refund_order(session: Session, order_id: int, reason: str) -> Refund:
    order = session.execute(select(Order).where(Order.id == order_id)).scalar_one()
    refund = Refund(order_id=order.id, amount_cents=order.total, reason=reason)
    session.add(refund)
    session.commit()
    return refund
