from django.conf import settings
from django.db import models
from mptt.models import MPTTModel, TreeForeignKey
from taggit.managers import TaggableManager
from wikikit.fields import AuditedKey


class Page(MPTTModel):
    title = models.CharField(max_length=200)
    body = models.TextField(blank=True)
    parent = TreeForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    editor = AuditedKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    tags = TaggableManager()
