from datetime import datetime

from sqlalchemy import text

from forumly.extensions import db


class Topic(db.Model):
    __tablename__ = "topics"

    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(255), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    date_created = db.Column(db.DateTime, default=datetime.utcnow)
    hidden = db.Column(db.Boolean, default=False)
    hidden_by_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    hidden_at = db.Column(db.DateTime)

    @classmethod
    def visible_count(cls):
        return db.session.execute(text("SELECT count(*) FROM topics WHERE NOT hidden")).scalar()


class User(db.Model):
    __tablename__ = "users"

    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(200), unique=True, nullable=False)
    email = db.Column(db.String(200), nullable=False)
