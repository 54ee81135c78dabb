from .models import Message


def labelled(mailbox, label):
    return Message.objects.filter(mailbox=mailbox, labels__contains=[label]).order_by("-received_at")
