from django.db import models
from django_cryptography.fields import encrypt


class Card(models.Model):
    body = models.TextField()
    _card_count = models.IntegerField(null=True, db_column="card_count")
    lane = models.ForeignKey("boards.Column", on_delete=models.CASCADE, db_column="column_id")
    # An encrypted field is its inner field's column.
    private_note = encrypt(models.TextField(null=True))
