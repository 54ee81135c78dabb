from django.db import models


# An installed app of its own (boards.labels in INSTALLED_APPS, with its own migrations) though it
# has no apps.py: its tables are labels_<model>, not boards_<model>.
class Label(models.Model):
    name = models.CharField(max_length=40)
