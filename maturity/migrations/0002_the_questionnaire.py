from django.db import migrations

from maturity.questionnaire import DIMENSIONS


def load(apps, schema_editor):
    Dimension = apps.get_model("maturity", "Dimension")
    Statement = apps.get_model("maturity", "Statement")
    for position, spec in enumerate(DIMENSIONS):
        dimension = Dimension.objects.create(
            code=spec["code"],
            name_ar=spec["name_ar"],
            name_en=spec["name_en"],
            position=position,
            competences=spec["competences"],
        )
        for number, (text_ar, text_en) in enumerate(spec["statements"]):
            Statement.objects.create(
                dimension=dimension, text_ar=text_ar, text_en=text_en, position=number
            )


def unload(apps, schema_editor):
    apps.get_model("maturity", "Dimension").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("maturity", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
