"""A believable demo register: a few hundred organizations in every governorate.

Deterministic (a fixed random seed), so every `make demo` shows the same data.
"""

import datetime
import random

import phonenumbers

from core.models import Governorate
from registry.demo_vocabulary import NAMES, PURPOSES, STREETS, TOWNS
from registry.models import FieldOfActivity, Organization, OrganizationKind, OrganizationStatus


def _to(word: str) -> str:
    """Arabic 'for': ل before a word, folding لـ + الـ into لل."""
    return "لل" + word[2:] if word.startswith("ال") else "ل" + word


def _phone(rng: random.Random) -> str:
    while True:
        candidate = f"01{rng.choice('0125')}{rng.randrange(10**8):08d}"
        number = phonenumbers.parse(candidate, "EG")
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def seed_organizations(per_governorate: int = 14, seed: int = 2026) -> int:
    """Create the demo register; returns how many organizations it holds. Idempotent."""
    rng = random.Random(seed)
    fields = {f.code: f for f in FieldOfActivity.objects.all()}
    general_union, _ = Organization.objects.get_or_create(
        registration_number="00-0001",
        defaults={
            "kind": OrganizationKind.GENERAL_UNION,
            "governorate_id": "01",
            "name_ar": "الاتحاد العام للجمعيات والمؤسسات الأهلية",
            "name_en": "General Union of NGOs",
            "founded_on": datetime.date(2002, 6, 1),
            "address": "1 شارع رمسيس، القاهرة",
        },
    )
    for governorate in Governorate.objects.all():
        towns = TOWNS[governorate.code]
        federation, _ = Organization.objects.get_or_create(
            registration_number=f"{governorate.code}-0001",
            defaults={
                "kind": OrganizationKind.REGIONAL_FEDERATION,
                "governorate": governorate,
                "name_ar": f"الاتحاد الإقليمي للجمعيات والمؤسسات الأهلية ب{governorate.name_ar}",
                "name_en": f"Regional Federation of NGOs in {governorate.name_en}",
                "founded_on": datetime.date(2003, 1, 15),
                "federation": general_union,
                "address": f"شارع الجمهورية، {towns[0][0]}",
            },
        )
        for n in range(2, per_governorate + 2):
            town_ar, town_en = rng.choice(towns)
            purpose_ar, purpose_en, codes = rng.choice(PURPOSES)
            name_ar, name_en = rng.choice(NAMES)
            is_foundation = rng.random() < 0.2
            if is_foundation:
                full_ar = f"مؤسسة {name_ar} {_to(purpose_ar)}"
                full_en = f"{name_en} Foundation for {purpose_en}"
            else:
                full_ar = f"جمعية {name_ar} {_to(purpose_ar)} ب{town_ar}"
                full_en = f"{name_en} Association for {purpose_en}, {town_en}"
            status = rng.choices(
                [
                    OrganizationStatus.ACTIVE,
                    OrganizationStatus.SUSPENDED,
                    OrganizationStatus.DISSOLVED,
                ],
                weights=[90, 6, 4],
            )[0]
            organization, created = Organization.objects.get_or_create(
                registration_number=f"{governorate.code}-{n:04d}",
                defaults={
                    "kind": OrganizationKind.FOUNDATION
                    if is_foundation
                    else OrganizationKind.ASSOCIATION,
                    "governorate": governorate,
                    "name_ar": full_ar,
                    "name_en": full_en,
                    "founded_on": datetime.date(
                        rng.randint(1975, 2025), rng.randint(1, 12), rng.randint(1, 28)
                    ),
                    "status": status,
                    "federation": federation if rng.random() < 0.7 else None,
                    "address": f"{rng.randint(1, 120)} شارع {rng.choice(STREETS)}، {town_ar}",
                    "phone": _phone(rng),
                    "email": f"info{governorate.code}{n}@example.org" if rng.random() < 0.6 else "",
                },
            )
            if created:
                organization.fields.set([fields[code] for code in codes])
    return Organization.objects.count()
