from django.db import models

from shop.naming import table_name


class Order(models.Model):
    # The table name comes from a function of the project: which table this is, and so whether
    # "note" exists, is decided at run time. Unchecked, never guessed.
    total = models.IntegerField()
    note = models.TextField()

    class Meta:
        db_table = table_name("orders")


class Coupon(models.Model):
    code = models.CharField(max_length=32)
    percent = models.IntegerField()

    class Meta:
        db_table = "shop_coupons"
