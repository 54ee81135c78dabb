import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Mailbox",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("address", models.EmailField(max_length=254, unique=True)),
            ],
        ),
        migrations.CreateModel(
            name="Message",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("subject", models.CharField(max_length=300)),
                ("received_at", models.DateTimeField()),
                ("mailbox", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="inbox.mailbox")),
            ],
        ),
        migrations.AddIndex(
            model_name="message",
            index=models.Index(fields=["mailbox", "-received_at"], name="message_mailbox_recent_idx"),
        ),
    ]
