from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("legacy", "0001_initial"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="Change"),
            ],
            database_operations=[
                migrations.AlterModelTable(name="Change", table="audit_change"),
            ],
        ),
    ]
