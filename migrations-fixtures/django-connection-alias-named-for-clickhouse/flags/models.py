from django.db import models


class Identity(models.Model):
    identifier = models.CharField(max_length=2000)
    environment_key = models.CharField(max_length=100)
