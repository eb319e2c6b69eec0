"""On PostgreSQL, refuse UPDATE and DELETE on the ledger from any client (REQUIREMENTS E1).

The ORM already refuses; this stops raw SQL, other programs and admin
shells too. SQLite has no such trigger here: there the hash chain
(`manage.py verify_consent_ledger`) is what makes tampering visible.
TRUNCATE is deliberately not blocked: Django's test runner empties tables with
it, and only the table owner can run it.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION consent_ledger_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'consent ledger records are append-only: % refused on %', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER consent_ledger_append_only
    BEFORE UPDATE OR DELETE ON consent_consentrecord
    FOR EACH ROW EXECUTE FUNCTION consent_ledger_refuse_change();

CREATE TRIGGER consent_notice_versions_append_only
    BEFORE UPDATE OR DELETE ON consent_noticeversion
    FOR EACH ROW EXECUTE FUNCTION consent_ledger_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS consent_notice_versions_append_only ON consent_noticeversion;
DROP TRIGGER IF EXISTS consent_ledger_append_only ON consent_consentrecord;
DROP FUNCTION IF EXISTS consent_ledger_refuse_change();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]

    operations = [migrations.RunPython(create_trigger, drop_trigger, elidable=False)]
