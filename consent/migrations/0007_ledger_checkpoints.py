"""One position per subject chain, and the signed checkpoints' table (REQUIREMENTS E1, E5).

Checkpoints are append-only like the ledger: on PostgreSQL the same trigger
refuses UPDATE and DELETE from any client.
"""

from django.db import migrations, models

CREATE = """
CREATE TRIGGER consent_ledger_checkpoints_append_only
    BEFORE UPDATE OR DELETE ON consent_ledgercheckpoint
    FOR EACH ROW EXECUTE FUNCTION consent_ledger_refuse_change();
"""
DROP = "DROP TRIGGER IF EXISTS consent_ledger_checkpoints_append_only ON consent_ledgercheckpoint;"


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("consent", "0006_rechain_per_subject")]

    operations = [
        migrations.AddConstraint(
            model_name="consentrecord",
            constraint=models.UniqueConstraint(fields=("subject_id", "sequence"), name="consent_record_chain_position"),
        ),
        migrations.CreateModel(
            name="LedgerCheckpoint",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveBigIntegerField(unique=True, verbose_name="number")),
                ("cutoff", models.DateTimeField(verbose_name="covers records made until")),
                ("created_at", models.DateTimeField(verbose_name="signed at")),
                ("chains", models.PositiveBigIntegerField(verbose_name="chains (subjects)")),
                ("records", models.PositiveBigIntegerField(verbose_name="records")),
                ("root", models.CharField(max_length=64, verbose_name="Merkle root over the chain heads")),
                ("previous", models.CharField(max_length=64, verbose_name="hash of the previous checkpoint")),
                (
                    "key_fingerprint",
                    models.CharField(max_length=64, verbose_name="signing key fingerprint (SHA-256)"),
                ),
                ("public_key", models.CharField(max_length=64, verbose_name="public key (Ed25519, hex)")),
                ("signature", models.CharField(max_length=128, verbose_name="signature (Ed25519, hex)")),
            ],
            options={
                "verbose_name": "ledger checkpoint",
                "verbose_name_plural": "ledger checkpoints",
                "ordering": ["-number"],
            },
        ),
        migrations.RunPython(create_trigger, drop_trigger, elidable=False),
    ]
