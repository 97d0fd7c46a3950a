"""Checklist items written with Arabic-Indic digits ("لكل ٨ أطفال") read in the digits
every other number on Sanad's Arabic pages uses."""

from django.db import migrations

DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")


def western_digits(apps, schema_editor):
    ChecklistItem = apps.get_model("care", "ChecklistItem")
    for item in ChecklistItem.objects.all():
        text = item.text_ar.translate(DIGITS)
        if text != item.text_ar:
            item.text_ar = text
            item.save(update_fields=["text_ar"])


class Migration(migrations.Migration):
    dependencies = [("care", "0004_inspections_in_sections_and_regulator_terms")]
    operations = [migrations.RunPython(western_digits, migrations.RunPython.noop)]
