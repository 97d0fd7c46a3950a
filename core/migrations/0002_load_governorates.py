from django.db import migrations

from core.reference import GOVERNORATES


def load(apps, schema_editor):
    Governorate = apps.get_model("core", "Governorate")
    for code, name_ar, name_en in GOVERNORATES:
        Governorate.objects.update_or_create(
            code=code, defaults={"name_ar": name_ar, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
