from datetime import datetime, timedelta

from .models import Incident, Participant


def get(*, db_session, incident_id: int) -> Incident | None:
    return db_session.query(Incident).filter(Incident.id == incident_id).one_or_none()


def get_all_by_status(*, db_session, project_id: int, status: str) -> list[Incident]:
    return (
        db_session.query(Incident)
        .filter(Incident.status == status)
        .filter(Incident.project_id == project_id)
        .all()
    )


def get_stable_since(*, db_session, project_id: int, hours: int) -> list[Incident]:
    query = db_session.query(Incident).filter(Incident.project_id == project_id)
    if hours:
        query = query.filter(Incident.stable_at >= datetime.utcnow() - timedelta(hours=hours))
    return query.all()


def participant_emails(*, db_session, project_id: int) -> list[str]:
    incident_ids = db_session.query(Incident.id).filter(Incident.project_id == project_id)
    return [
        email
        for (email,) in db_session.query(Participant.email)
        .filter(Participant.incident_id.in_(incident_ids))
        .distinct()
    ]


def delete(*, db_session, incident_id: int):
    db_session.query(Incident).filter(Incident.id == incident_id).delete()
    db_session.commit()
