from django.db import models


class Column(models.Model):
    title = models.CharField(max_length=120)
    rank = models.IntegerField(default=0)
    archived = models.BooleanField(default=False)
