from django.db import migrations, models

from . import _squashed
from ._squashed_v3 import SQUASHED_V3


class Migration(migrations.Migration):
    dependencies = [
        ("fleet", "0002_v2_data_fixups"),
    ]

    replaces = _squashed.replaces(SQUASHED_V3)

    operations = _squashed.operations(SQUASHED_V3) + [
        migrations.AddField(
            model_name="host",
            name="timeout",
            field=models.IntegerField(default=0),
        ),
    ]
