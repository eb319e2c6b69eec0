"""Fewer indexes to update on each append (REQUIREMENTS E1).

Nothing looks records up by `prev_hash` or `record_hash`, and the
(subject_id, sequence) constraint of migration 0007 already indexes every
lookup by subject and refuses a fork; the three indexes it replaces were paid
on every append.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('consent', '0007_ledger_checkpoints'),
    ]

    operations = [
        migrations.AlterField(
            model_name='consentrecord',
            name='prev_hash',
            field=models.CharField(max_length=64, verbose_name='hash of the previous record'),
        ),
        migrations.AlterField(
            model_name='consentrecord',
            name='record_hash',
            field=models.CharField(max_length=64, verbose_name='hash of this record'),
        ),
        migrations.AlterField(
            model_name='consentrecord',
            name='subject_id',
            field=models.UUIDField(verbose_name='pseudonymous subject id'),
        ),
    ]
