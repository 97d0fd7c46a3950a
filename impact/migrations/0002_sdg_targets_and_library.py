"""The SDG targets (data/sdg_targets.csv) and the indicators Sanad ships with (library.py)."""

import csv
from pathlib import Path

from django.db import migrations

from impact.library import INDICATORS

SDG_FILE = Path(__file__).resolve().parent.parent / "data" / "sdg_targets.csv"


def load(apps, schema_editor):
    SdgTarget = apps.get_model("impact", "SdgTarget")
    Indicator = apps.get_model("impact", "Indicator")
    with SDG_FILE.open(encoding="utf-8") as rows:
        targets = {
            row["code"]: SdgTarget.objects.create(
                code=row["code"],
                goal=int(row["goal"]),
                title_en=row["title_en"],
                title_ar=row["title_ar"],
            )
            for row in csv.DictReader(rows)
        }
    made = {}
    for position, spec in enumerate(INDICATORS):
        fields = {k: v for k, v in spec.items() if k not in ("sdg", "ratio")}
        if "ratio" in spec:
            numerator, denominator, factor = spec["ratio"]
            fields |= {
                "numerator": made[numerator],
                "denominator": made[denominator],
                "factor": factor,
            }
        indicator = Indicator.objects.create(position=position, **fields)
        indicator.sdg_targets.set([targets[code] for code in spec["sdg"]])
        made[spec["code"]] = indicator


def unload(apps, schema_editor):
    apps.get_model("impact", "Indicator").objects.all().delete()
    apps.get_model("impact", "SdgTarget").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("impact", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
