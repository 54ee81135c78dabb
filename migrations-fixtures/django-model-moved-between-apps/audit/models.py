from django.db import models


class Change(models.Model):
    action = models.CharField(max_length=50)
    message = models.CharField(max_length=200, blank=True)
    owner = models.ForeignKey("accounts.Owner", null=True, on_delete=models.SET_NULL)
