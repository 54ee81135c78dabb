from .base import Priced
from .orders import Order, Refund
from .models import Coupon
