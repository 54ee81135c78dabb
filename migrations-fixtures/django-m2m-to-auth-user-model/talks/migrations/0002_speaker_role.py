from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("talks", "0001_initial")]

    # The implicit join table becomes an explicit model without moving a row.
    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    sql="ALTER TABLE talks_talk_speakers RENAME TO talks_speakerrole",
                    reverse_sql="ALTER TABLE talks_speakerrole RENAME TO talks_talk_speakers",
                )
            ],
            state_operations=[
                migrations.CreateModel(
                    name="SpeakerRole",
                    fields=[
                        ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False)),
                        ("talk", models.ForeignKey(on_delete=models.CASCADE, to="talks.talk")),
                        ("member", models.ForeignKey(on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL)),
                    ],
                ),
            ],
        ),
        migrations.AddField(
            model_name="speakerrole",
            name="position",
            field=models.IntegerField(default=0),
        ),
        migrations.AlterField(
            model_name="speakerrole",
            name="member",
            field=models.ForeignKey(null=True, on_delete=models.CASCADE, to=settings.AUTH_USER_MODEL),
        ),
    ]
