from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("crm", "0001_initial")]

    operations = [
        # A model over the many-to-many table Django made, not managed yet.
        migrations.CreateModel(
            name="CompanyContact",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False)),
                ("company", models.ForeignKey(on_delete=models.CASCADE, to="crm.company")),
                ("contact", models.ForeignKey(on_delete=models.CASCADE, to="crm.contact")),
            ],
            options={"db_table": "crm_company_contacts", "managed": False},
        ),
    ]
