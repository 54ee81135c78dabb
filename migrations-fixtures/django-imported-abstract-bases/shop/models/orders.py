from django.db import models
from model_utils.models import SoftDeletableModel

from core.models import OwnedModel
from shop.models import Priced


class Order(OwnedModel, Priced):
    number = models.CharField(max_length=20, unique=True)


class Refund(SoftDeletableModel):
    # SoftDeletableModel comes from an installed package: what it adds is not known, and nothing
    # is said about it.
    order = models.ForeignKey(Order, on_delete=models.CASCADE)
    reason = models.TextField()
