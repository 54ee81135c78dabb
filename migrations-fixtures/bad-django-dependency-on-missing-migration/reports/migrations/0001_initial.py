from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    # 0002 of ledger (which added Entry.memo) was deleted, but this still depends on it.
    dependencies = [("ledger", "0002_entry_memo"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.CreateModel(
            name="MonthlyTotal",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("month", models.DateField()),
            ],
        ),
    ]
