from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Teams(db.Model):
    __tablename__ = "teams"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(128))
    banned = db.Column(db.Boolean, default=False)
    created = db.Column(db.DateTime)


class Users(db.Model):
    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(128))
    team_id = db.Column(db.Integer, db.ForeignKey("teams.id"))
    created = db.Column(db.DateTime)


class AdminUsers(Users):
    # A primary key of its own: Flask-SQLAlchemy gives the subclass its own table, admin_users
    # (joined inheritance), rather than columns on users.
    id = db.Column(db.Integer, db.ForeignKey("users.id"), primary_key=True)
    clearance = db.Column(db.Integer)
