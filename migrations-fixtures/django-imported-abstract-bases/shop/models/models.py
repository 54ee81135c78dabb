from django.db import models


class Coupon(models.Model):
    # The app is shop (shop/models/models.py), not "models": the table is shop_coupon.
    code = models.CharField(max_length=30)
    percent_off = models.PositiveSmallIntegerField()
