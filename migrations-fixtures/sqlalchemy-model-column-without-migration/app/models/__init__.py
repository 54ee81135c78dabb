from app.models.base import Base
from app.models.orders import Customer, Order, GiftOrder, Refund
