from .base import Base, TimestampMixin
from .mixins import *
from .users import User
