from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Account(db.Model):
    __tablename__ = "accounts"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(128), nullable=False)
    kind = db.Column(db.String(32))
    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "member"}


class Staff(Account):
    # No primary key of its own: Flask-SQLAlchemy drops this name and maps Staff onto "accounts"
    # (single-table inheritance), so neither "staff" nor a "staff.badge" column is needed.
    __tablename__ = "staff"
    __mapper_args__ = {"polymorphic_identity": "staff"}
    badge = db.Column(db.String(32))


class Sponsor(Account):
    # A primary key of its own: joined inheritance, the "sponsors" table is needed.
    __tablename__ = "sponsors"
    __mapper_args__ = {"polymorphic_identity": "sponsor"}
    id = db.Column(db.Integer, db.ForeignKey("accounts.id"), primary_key=True)
    tier = db.Column(db.String(16))
    logo_url = db.Column(db.Text)
