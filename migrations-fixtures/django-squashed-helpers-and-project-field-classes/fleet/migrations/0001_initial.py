from django.db import migrations, models
import django.db.models.deletion

import fleet.fields


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Role",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("name", models.CharField(max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name="Tag",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("label", models.CharField(max_length=64)),
            ],
        ),
        migrations.CreateModel(
            name="Host",
            fields=[
                ("id", models.AutoField(primary_key=True, serialize=False)),
                ("hostname", models.CharField(max_length=255)),
                ("facts", fleet.fields.SchemaCheckedField(default=dict)),
                ("admin_role", fleet.fields.OwnerRoleField(parent_role="singleton:admin", related_name="+", to="fleet.Role")),
                ("tags", fleet.fields.SortedTagsField(to="fleet.Tag")),
            ],
        ),
    ]
