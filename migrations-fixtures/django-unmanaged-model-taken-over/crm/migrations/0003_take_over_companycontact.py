from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [("crm", "0002_companycontact")]

    operations = [
        # Managed again (options without "managed"), then renamed to its default table.
        migrations.AlterModelOptions(name="companycontact", options={}),
        migrations.AlterModelTable(name="companycontact", table=None),
    ]
