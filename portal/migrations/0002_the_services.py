from django.db import migrations

from core.text import search_key
from portal.catalogue import SERVICES
from portal.models import SEARCHED


def load(apps, schema_editor):
    Service = apps.get_model("portal", "Service")
    for position, spec in enumerate(SERVICES):
        words = " ".join(spec[f"{f}_{lang}"] for f in SEARCHED for lang in ("ar", "en"))
        Service.objects.create(position=position, search_text=search_key(words), **spec)


def unload(apps, schema_editor):
    apps.get_model("portal", "Service").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_services")]

    operations = [migrations.RunPython(load, unload)]
