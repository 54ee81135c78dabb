import sqlalchemy as sa

metadata = sa.MetaData()
