from django.db import models


class Card(models.Model):
    body = models.TextField()
    _card_count = models.IntegerField(null=True, db_column="card_count")
    lane = models.ForeignKey("boards.Column", on_delete=models.CASCADE, db_column="column_id")
