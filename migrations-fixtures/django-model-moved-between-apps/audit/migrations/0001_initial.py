from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("legacy", "0001_initial"),
    ]

    operations = [
        # The model moves here from legacy; its table is renamed by legacy.0002.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Change",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("action", models.CharField(max_length=50)),
                    ],
                ),
            ],
            database_operations=[],
        ),
    ]
