from classes.models import Session
from gyms.models import Gym


def listing(request):
    gyms = Gym.objects.filter(phone__isnull=False).order_by("name")
    sessions = Session.objects.filter(capacity__gte=10).select_related("gym")
    return gyms, sessions
