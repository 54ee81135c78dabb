import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Finding",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.TextField()),
            ],
        ),
        migrations.CreateModel(
            name="Vulnerability",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.CharField(max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name="FindingReference",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("position", models.PositiveSmallIntegerField(default=0)),
                ("finding", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="scanner.finding")),
                ("vulnerability", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="scanner.vulnerability")),
            ],
            options={
                "indexes": [models.Index(fields=["finding", "position"], name="scanner_ref_finding_pos")],
                "constraints": [models.UniqueConstraint(fields=("finding", "vulnerability"), name="unique_finding_vulnerability")],
            },
        ),
    ]
