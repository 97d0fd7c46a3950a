from django.db import migrations
from django.utils import timezone


def register_seed(apps, schema_editor):
    from triage.registry import seed_record

    ModelVersion = apps.get_model("triage", "ModelVersion")
    if not ModelVersion.objects.filter(folder="seed").exists():
        ModelVersion.objects.create(
            **seed_record(),
            is_active=not ModelVersion.objects.filter(is_active=True).exists(),
            activated_at=timezone.now(),
        )


class Migration(migrations.Migration):
    dependencies = [("triage", "0001_initial")]
    operations = [migrations.RunPython(register_seed, migrations.RunPython.noop)]
