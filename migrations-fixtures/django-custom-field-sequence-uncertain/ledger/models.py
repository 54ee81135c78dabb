from django.db import models

from ledger.fields import SerialField


class Entry(models.Model):
    amount = models.IntegerField()
    batch_no = SerialField(null=True)
