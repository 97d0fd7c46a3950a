"""The receipt of a case is no longer stored as a timeline entry: Case.story() makes it
from the case row. Remove the stored ones so that no timeline shows it twice."""

from django.db import migrations


def remove_stored_receipts(apps, schema_editor):
    TimelineEntry = apps.get_model("complaints", "TimelineEntry")
    # Nothing moves a case back to "received": these are exactly the receipts.
    TimelineEntry.objects.filter(to_status="received", from_status="").delete()


def restore_receipts(apps, schema_editor):
    Case = apps.get_model("complaints", "Case")
    TimelineEntry = apps.get_model("complaints", "TimelineEntry")
    for case in Case.objects.only("pk", "received_at", "submitted_by_id").iterator():
        entry = TimelineEntry.objects.create(
            case_id=case.pk,
            actor_id=case.submitted_by_id,
            visibility="public",
            to_status="received",
        )
        TimelineEntry.objects.filter(pk=entry.pk).update(at=case.received_at)


class Migration(migrations.Migration):
    dependencies = [("complaints", "0011_lean_indexes")]

    operations = [migrations.RunPython(remove_stored_receipts, restore_receipts)]
