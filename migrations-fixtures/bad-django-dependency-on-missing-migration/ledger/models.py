from django.db import models


class Entry(models.Model):
    amount_cents = models.BigIntegerField()
