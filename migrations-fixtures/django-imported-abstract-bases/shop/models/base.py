from django.db import models


class Priced(models.Model):
    price_cents = models.BigIntegerField()
    currency = models.CharField(max_length=3, default="EUR")

    class Meta:
        abstract = True
