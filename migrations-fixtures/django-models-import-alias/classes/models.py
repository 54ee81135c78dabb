import django.db.models as dm

from gyms.models import Gym


class Session(dm.Model):
    gym = dm.ForeignKey(Gym, on_delete=dm.CASCADE)
    title = dm.CharField(max_length=80)
    capacity = dm.PositiveIntegerField(default=12)
