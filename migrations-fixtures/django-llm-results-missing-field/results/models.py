from django.db import models


class LlmResult(models.Model):
    tenant_id = models.IntegerField(db_index=True)
    provider = models.CharField(max_length=40)
    prompt_hash = models.CharField(max_length=64)
    output = models.TextField()
    tokens_used = models.PositiveIntegerField(default=0)
    model_version = models.CharField(max_length=80)
    created_at = models.DateTimeField(auto_now_add=True)
