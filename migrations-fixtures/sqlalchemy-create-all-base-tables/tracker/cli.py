import click
from flask.cli import AppGroup

from tracker.models import db

database = AppGroup("db")


@database.command()
def create():
    """Create the tables of a new installation, then mark the migrations applied."""
    db.create_all()
    from flask_migrate import stamp

    stamp()
