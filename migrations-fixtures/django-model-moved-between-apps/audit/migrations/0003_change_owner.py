from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0002_change_message"),
        ("accounts", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="change",
            name="owner",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, to="accounts.owner"),
        ),
    ]
