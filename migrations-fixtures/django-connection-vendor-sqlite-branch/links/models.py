from django.db import models


class Link(models.Model):
    url = models.URLField(max_length=2048)
    title = models.CharField(max_length=512, blank=True)
