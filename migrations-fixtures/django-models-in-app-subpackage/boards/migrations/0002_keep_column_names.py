from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [("boards", "0001_initial")]

    operations = [
        # Pin the column names first, then rename the fields: the columns keep their names.
        migrations.AlterField(
            model_name="card",
            name="card_count",
            field=models.IntegerField(db_column="card_count", null=True),
        ),
        migrations.RenameField(model_name="card", old_name="card_count", new_name="_card_count"),
        migrations.AlterField(
            model_name="card",
            name="column",
            field=models.ForeignKey(db_column="column_id", on_delete=models.CASCADE, to="boards.column"),
        ),
        migrations.RenameField(model_name="card", old_name="column", new_name="lane"),
        # No db_column: the column follows the field's new name.
        migrations.RenameField(model_name="column", old_name="position", new_name="rank"),
    ]
