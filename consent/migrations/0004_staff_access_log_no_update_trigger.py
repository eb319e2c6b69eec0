"""On PostgreSQL, refuse UPDATE on the staff access log from any client (REQUIREMENTS E3).

Like the ledger (migration 0002), but DELETE stays possible: the retention
job removes entries older than their documented period (E4), whole, by age.
"""

from django.db import migrations

CREATE = """
CREATE TRIGGER consent_staff_access_log_no_update
    BEFORE UPDATE ON consent_staffaccesslogentry
    FOR EACH ROW EXECUTE FUNCTION consent_ledger_refuse_change();
"""

DROP = "DROP TRIGGER IF EXISTS consent_staff_access_log_no_update ON consent_staffaccesslogentry;"


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("consent", "0003_data_export_and_staff_access_log")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
