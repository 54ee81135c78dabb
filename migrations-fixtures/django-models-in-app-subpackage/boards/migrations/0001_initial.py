from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Column",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("title", models.CharField(max_length=120)),
                ("position", models.IntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="Card",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                ("body", models.TextField()),
                ("card_count", models.IntegerField(null=True)),
                ("column", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="boards.column")),
            ],
        ),
    ]
