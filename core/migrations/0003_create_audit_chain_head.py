from django.db import migrations


def create_head(apps, schema_editor):
    # Created once here, so concurrent first writers never race to create it.
    apps.get_model("core", "AuditChainHead").objects.get_or_create(id=1)


class Migration(migrations.Migration):
    dependencies = [("core", "0002_load_governorates")]
    operations = [migrations.RunPython(create_head, migrations.RunPython.noop)]
