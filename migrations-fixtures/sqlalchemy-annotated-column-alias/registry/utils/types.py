from typing import Annotated

from sqlalchemy import sql
from sqlalchemy.orm import mapped_column

bool_false = Annotated[bool, mapped_column(server_default=sql.false())]
bool_true = Annotated[bool, mapped_column(server_default=sql.true())]
