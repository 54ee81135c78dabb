from django.db import migrations, models


def backfill_budget(apps, schema_editor):
    Tenant = apps.get_model("acct", "Tenant")
    Tenant.objects.filter(plan="pro").update(monthly_budget=500)


class Migration(migrations.Migration):

    dependencies = [
        ("acct", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="tenant",
            name="monthly_budget",
            field=models.DecimalField(decimal_places=2, default=0, max_digits=12),
        ),
        migrations.RunPython(backfill_budget, migrations.RunPython.noop),
        migrations.RenameModel(
            old_name="Membership",
            new_name="Seat",
        ),
        migrations.AlterModelTable(
            name="tenant",
            table="tenant_accounts",
        ),
    ]
