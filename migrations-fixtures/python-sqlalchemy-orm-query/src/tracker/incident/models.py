from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from tracker.database.core import Base


class Incident(Base):
    __tablename__ = "incident"

    id = Column(Integer, primary_key=True)
    name = Column(String)
    status = Column(String)
    project_id = Column(Integer)
    reported_at = Column(DateTime)
    # The model has it; no migration adds it.
    stable_at = Column(DateTime)

    participants = relationship("Participant", backref="incident")


class Participant(Base):
    __tablename__ = "participant"

    id = Column(Integer, primary_key=True)
    incident_id = Column(Integer, ForeignKey("incident.id", ondelete="CASCADE"))
    email = Column(String)
