from datetime import date

from django.db import migrations

# Working hours (7 a day): first response, then answer.
DEFAULT_LEVELS = {"critical": (2, 14), "high": (7, 35), "normal": (14, 70)}

# Official holidays of 2026. The lunar ones follow the government's announcement and
# may move by a day: the ministry corrects them in the admin.
HOLIDAYS_2026 = [
    (date(2026, 1, 7), "عيد الميلاد المجيد", "Coptic Christmas"),
    (date(2026, 1, 25), "عيد ثورة 25 يناير وعيد الشرطة", "25 January Revolution and Police Day"),
    (date(2026, 3, 19), "عيد الفطر", "Eid al-Fitr"),
    (date(2026, 3, 22), "عيد الفطر", "Eid al-Fitr"),
    (date(2026, 4, 13), "شم النسيم", "Sham El Nessim"),
    (date(2026, 4, 25), "عيد تحرير سيناء", "Sinai Liberation Day"),
    (date(2026, 5, 1), "عيد العمال", "Labour Day"),
    (date(2026, 5, 26), "وقفة عرفات", "Arafat Day"),
    (date(2026, 5, 27), "عيد الأضحى", "Eid al-Adha"),
    (date(2026, 5, 28), "عيد الأضحى", "Eid al-Adha"),
    (date(2026, 6, 16), "رأس السنة الهجرية", "Islamic New Year"),
    (date(2026, 6, 30), "ذكرى ثورة 30 يونيو", "30 June Revolution"),
    (date(2026, 7, 23), "عيد ثورة 23 يوليو", "23 July Revolution"),
    (date(2026, 8, 25), "المولد النبوي الشريف", "Prophet's Birthday"),
    (date(2026, 10, 6), "عيد القوات المسلحة", "Armed Forces Day"),
]


def load(apps, schema_editor):
    ServiceLevel = apps.get_model("complaints", "ServiceLevel")
    Holiday = apps.get_model("complaints", "Holiday")
    for urgency, (first, resolution) in DEFAULT_LEVELS.items():
        ServiceLevel.objects.update_or_create(
            urgency=urgency, category=None,
            defaults={"first_response_hours": first, "resolution_hours": resolution},
        )
    for day, name_ar, name_en in HOLIDAYS_2026:
        Holiday.objects.update_or_create(date=day, defaults={"name_ar": name_ar,
                                                             "name_en": name_en})


class Migration(migrations.Migration):
    dependencies = [("complaints", "0003_service_levels")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
