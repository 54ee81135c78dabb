from sqlalchemy import text

from tracker.models import db


def open_issue_counts(project_id):
    return db.session.execute(
        text("SELECT p.name, count(i.id) FROM projects p JOIN issues i ON i.project_id = p.id WHERE p.id = :p GROUP BY p.name"),
        {"p": project_id},
    ).all()


def label_names(project_id):
    return db.session.execute(text("SELECT name, color FROM labels WHERE project_id = :p"), {"p": project_id}).all()
