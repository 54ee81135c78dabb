from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("legacy", "0002_move_change"),
    ]

    operations = [
        migrations.CreateModel(
            name="Owner",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100)),
            ],
        ),
    ]
