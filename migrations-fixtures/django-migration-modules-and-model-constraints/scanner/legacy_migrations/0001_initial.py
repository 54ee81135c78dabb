# A copy of an old layout: no setting maps the app here.
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Finding",
            fields=[("id", models.AutoField(primary_key=True)), ("name", models.TextField())],
        ),
    ]
