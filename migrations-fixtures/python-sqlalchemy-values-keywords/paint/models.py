from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Swatch(Base):
    __tablename__ = "swatches"

    id = Column(Integer, primary_key=True)
    name = Column(String, nullable=False)
    shade = Column("shade_code", String)
    gloss = Column(Integer)
