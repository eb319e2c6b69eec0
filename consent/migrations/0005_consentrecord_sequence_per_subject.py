"""A record's `sequence` becomes its position in its subject's own chain (REQUIREMENTS E1, E5).

Schema only: the unique constraint on the site-wide position goes; migration
0006 re-chains the records and 0007 adds the per-subject unique constraint.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("consent", "0004_staff_access_log_no_update_trigger")]

    operations = [
        migrations.AlterModelOptions(
            name="consentrecord",
            options={
                "ordering": ["subject_id", "sequence"],
                "verbose_name": "consent record",
                "verbose_name_plural": "consent records",
            },
        ),
        migrations.AlterField(
            model_name="consentrecord",
            name="sequence",
            field=models.PositiveBigIntegerField(verbose_name="position in the subject's chain"),
        ),
    ]
