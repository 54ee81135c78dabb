from sqlalchemy import text


def emails(session):
    return session.execute(text("SELECT email, nickname FROM accounts"))
