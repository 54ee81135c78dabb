from django.db import models


class Product(models.Model):
    title = models.CharField(max_length=200)
    legacy_sku = models.CharField(max_length=40, blank=True)
    price_cents = models.BigIntegerField()
