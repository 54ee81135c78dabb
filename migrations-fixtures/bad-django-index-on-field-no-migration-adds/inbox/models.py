from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models


class Mailbox(models.Model):
    address = models.EmailField(unique=True)


class Message(models.Model):
    mailbox = models.ForeignKey(Mailbox, on_delete=models.CASCADE)
    subject = models.CharField(max_length=300)
    received_at = models.DateTimeField()
    # The migration that adds this field was lost in a rebase; the index migration survived.
    labels = ArrayField(models.CharField(max_length=40), default=list, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["mailbox", "-received_at"], name="message_mailbox_recent_idx"),
            GinIndex(fields=["labels"], name="message_labels_idx"),
        ]
