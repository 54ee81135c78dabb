from boards.cards.models import Card  # noqa: F401
from boards.columns.models import Column  # noqa: F401
