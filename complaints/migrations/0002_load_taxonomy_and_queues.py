from django.db import migrations

from complaints.reference import CATEGORIES, CENTRAL_QUEUES, CENTRAL_ROUTES


def load(apps, schema_editor):
    Category = apps.get_model("complaints", "Category")
    Queue = apps.get_model("complaints", "Queue")
    RoutingRule = apps.get_model("complaints", "RoutingRule")
    Governorate = apps.get_model("core", "Governorate")
    for position, (code, name_ar, name_en) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            code=code, defaults={"name_ar": name_ar, "name_en": name_en, "position": position}
        )
    for governorate in Governorate.objects.all():
        Queue.objects.update_or_create(
            code=f"directorate-{governorate.code}",
            defaults={
                "governorate": governorate,
                "name_ar": f"مديرية التضامن الاجتماعي ب{governorate.name_ar}",
                "name_en": f"Social Solidarity Directorate, {governorate.name_en}",
            },
        )
    for code, name_ar, name_en in CENTRAL_QUEUES:
        Queue.objects.update_or_create(code=code, defaults={"name_ar": name_ar, "name_en": name_en})
    for category_code, queue_code in CENTRAL_ROUTES:
        RoutingRule.objects.update_or_create(
            category=Category.objects.get(code=category_code), governorate=None,
            defaults={"queue": Queue.objects.get(code=queue_code)},
        )


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial"), ("core", "0002_load_governorates")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
