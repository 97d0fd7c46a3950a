from django.db import migrations

from registry.reference import FIELDS_OF_ACTIVITY


def load(apps, schema_editor):
    FieldOfActivity = apps.get_model("registry", "FieldOfActivity")
    for code, name_ar, name_en in FIELDS_OF_ACTIVITY:
        FieldOfActivity.objects.update_or_create(
            code=code, defaults={"name_ar": name_ar, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("registry", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
