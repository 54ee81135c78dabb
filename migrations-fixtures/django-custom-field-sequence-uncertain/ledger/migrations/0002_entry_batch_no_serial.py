from django.db import migrations

import ledger.fields


class Migration(migrations.Migration):

    dependencies = [("ledger", "0001_initial")]

    operations = [
        migrations.AlterField(
            model_name="entry",
            name="batch_no",
            field=ledger.fields.SerialField(null=True),
        ),
    ]
