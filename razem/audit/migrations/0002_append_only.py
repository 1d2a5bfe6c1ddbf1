from django.db import migrations

from razem.audit import triggers


def install(apps, schema_editor):
    statements = (
        triggers.POSTGRESQL if schema_editor.connection.vendor == "postgresql" else triggers.SQLITE
    )
    for statement in statements:
        schema_editor.execute(statement)


def remove(apps, schema_editor):
    statements = (
        triggers.POSTGRESQL_REVERSE
        if schema_editor.connection.vendor == "postgresql"
        else triggers.SQLITE_REVERSE
    )
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(install, remove)]
