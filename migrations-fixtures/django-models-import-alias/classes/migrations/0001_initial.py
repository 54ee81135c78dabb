from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True
    dependencies = [("gyms", "0001_initial")]
    operations = [
        migrations.CreateModel(
            name="Session",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("gym", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="gyms.gym")),
                ("title", models.CharField(max_length=80)),
            ],
        ),
    ]
