from django.db import migrations, models


class Migration(migrations.Migration):

    # Nothing here says "after legacy.0002": Django runs it after the rename because its plan
    # walks accounts (the first leaf node) first, and accounts depends on legacy.0002.
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="change",
            name="message",
            field=models.CharField(blank=True, max_length=200),
        ),
    ]
