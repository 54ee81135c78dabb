import os

basedir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class DefaultConfig:
    SQLALCHEMY_DATABASE_URI = "postgresql://forumly@localhost:5432/forumly"
    ALEMBIC = {
        "script_location": os.path.join(basedir, "forumly/migrations"),
        "version_locations": "",
        "file_template": "%%(year)d%%(month).2d%%(day).2d%%(hour).2d%%(minute).2d_%%(rev)s_%%(slug)s",
    }
    ALEMBIC_CONTEXT = {"render_as_batch": True}
