import re

from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import DeclarativeBase, declared_attr


def resolve_table_name(name):
    """IndividualContact -> individual_contact."""
    names = re.split("(?=[A-Z])", name)  # noqa
    return "_".join([x.lower() for x in names if x])


class Base(DeclarativeBase):
    @declared_attr.directive
    def __tablename__(cls):
        return resolve_table_name(cls.__name__)


class IndividualContact(Base):
    id = Column(Integer, primary_key=True)
    email = Column(String)
    # No migration adds it: a missing column of individual_contact.
    weblink = Column(String)


class TeamContact(Base):
    __tablename__ = "team"

    id = Column(Integer, primary_key=True)
    name = Column(String)
