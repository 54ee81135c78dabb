from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

metadata = MetaData()


class Model(DeclarativeBase):
    metadata = metadata
