from django.db import models as m


class Gym(m.Model):
    name = m.CharField(max_length=60)
    phone = m.CharField(max_length=20, null=True)
    opened_on = m.DateField(null=True)
