from sqlalchemy import text


def member_emails(session):
    return session.execute(text("SELECT id, email FROM members ORDER BY id")).all()


def record(session, member_id, action):
    session.execute(
        text("INSERT INTO audit_log (member_id, action) VALUES (:member_id, :action)"),
        {"member_id": member_id, "action": action},
    )
