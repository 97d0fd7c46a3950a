"""A believable demo register: a few hundred organizations in every governorate.

Deterministic (a fixed random seed), so every `make demo` shows the same data.
"""

import datetime
import random

import phonenumbers

from core.models import Governorate
from registry.models import FieldOfActivity, Organization, OrganizationKind, OrganizationStatus

TOWNS = {
    "01": [("القاهرة", "Cairo"), ("حلوان", "Helwan"), ("شبرا", "Shubra"), ("المطرية", "Matariya")],
    "02": [("الإسكندرية", "Alexandria"), ("برج العرب", "Borg El Arab"), ("العامرية", "Amreya"),
           ("المنتزه", "Montaza")],
    "03": [("بورسعيد", "Port Said"), ("بورفؤاد", "Port Fouad")],
    "04": [("السويس", "Suez"), ("الأربعين", "Arbaeen")],
    "11": [("دمياط", "Damietta"), ("فارسكور", "Faraskur"), ("كفر سعد", "Kafr Saad")],
    "12": [("المنصورة", "Mansoura"), ("طلخا", "Talkha"), ("ميت غمر", "Mit Ghamr"),
           ("دكرنس", "Dikirnis")],
    "13": [("الزقازيق", "Zagazig"), ("بلبيس", "Belbeis"), ("منيا القمح", "Minya El Qamh"),
           ("أبو حماد", "Abu Hammad")],
    "14": [("بنها", "Benha"), ("شبرا الخيمة", "Shubra El Kheima"), ("قليوب", "Qalyub")],
    "15": [("كفر الشيخ", "Kafr El Sheikh"), ("دسوق", "Desouk"), ("بيلا", "Bila")],
    "16": [("طنطا", "Tanta"), ("المحلة الكبرى", "El Mahalla El Kubra"), ("زفتى", "Zifta")],
    "17": [("شبين الكوم", "Shebin El Kom"), ("منوف", "Menouf"), ("أشمون", "Ashmoun")],
    "18": [("دمنهور", "Damanhour"), ("كفر الدوار", "Kafr El Dawwar"), ("رشيد", "Rashid")],
    "19": [("الإسماعيلية", "Ismailia"), ("فايد", "Fayed"), ("القنطرة", "El Qantara")],
    "21": [("الجيزة", "Giza"), ("إمبابة", "Imbaba"), ("الصف", "El Saff"), ("أوسيم", "Awsim")],
    "22": [("بني سويف", "Beni Suef"), ("الواسطى", "El Wasta"), ("ببا", "Beba")],
    "23": [("الفيوم", "Fayoum"), ("سنورس", "Sinnuris"), ("طامية", "Tamiya")],
    "24": [("المنيا", "Minya"), ("ملوي", "Mallawi"), ("سمالوط", "Samalut"), ("مغاغة", "Maghagha")],
    "25": [("أسيوط", "Assiut"), ("ديروط", "Dairut"), ("منفلوط", "Manfalut")],
    "26": [("سوهاج", "Sohag"), ("أخميم", "Akhmim"), ("جرجا", "Girga")],
    "27": [("قنا", "Qena"), ("نجع حمادي", "Nag Hammadi"), ("قوص", "Qus")],
    "28": [("أسوان", "Aswan"), ("كوم أمبو", "Kom Ombo"), ("إدفو", "Edfu")],
    "29": [("الأقصر", "Luxor"), ("إسنا", "Esna"), ("أرمنت", "Armant")],
    "31": [("الغردقة", "Hurghada"), ("سفاجا", "Safaga"), ("القصير", "El Quseir")],
    "32": [("الخارجة", "Kharga"), ("الداخلة", "Dakhla")],
    "33": [("مرسى مطروح", "Marsa Matruh"), ("الضبعة", "El Dabaa"), ("سيوة", "Siwa")],
    "34": [("العريش", "Arish"), ("بئر العبد", "Bir al-Abd")],
    "35": [("الطور", "El Tor"), ("شرم الشيخ", "Sharm El Sheikh"), ("دهب", "Dahab")],
}

PURPOSES = [
    ("رعاية الأيتام", "Orphan Care", ["orphans", "childhood"]),
    ("تنمية المجتمع المحلي", "Community Development", ["community_development"]),
    ("رعاية المسنين", "Elderly Care", ["elderly"]),
    ("خدمات الأشخاص ذوي الإعاقة", "Disability Services", ["disability"]),
    ("تنمية المرأة الريفية", "Rural Women's Development", ["women", "microfinance"]),
    ("محو الأمية وتعليم الكبار", "Literacy and Adult Education", ["education"]),
    ("الخدمات الصحية", "Health Services", ["health"]),
    ("حماية البيئة", "Environmental Protection", ["environment"]),
    ("رعاية الطفولة والأمومة", "Mother and Child Care", ["childhood"]),
    ("الشباب والتحول الرقمي", "Youth and Digital Skills", ["youth_sports", "digital"]),
    ("المساعدات الاجتماعية والإغاثة", "Social Aid and Relief", ["social_aid", "relief"]),
    ("المشروعات الصغيرة", "Small Enterprises", ["microfinance"]),
    ("التوعية القانونية وحقوق الإنسان", "Legal Awareness and Human Rights", ["human_rights"]),
    ("الثقافة والفنون", "Culture and Arts", ["culture"]),
]

NAMES = [
    ("الخير", "Al-Khair"), ("الأمل", "Al-Amal"), ("النور", "Al-Nour"), ("الرحمة", "Al-Rahma"),
    ("الوفاء", "Al-Wafaa"), ("السلام", "Al-Salam"), ("التكافل", "Al-Takaful"),
    ("الفجر الجديد", "New Dawn"), ("أبناء البلد", "Sons of the Land"), ("البر والتقوى", "Al-Birr"),
    ("المستقبل", "Al-Mustaqbal"), ("الهدى", "Al-Huda"), ("صناع الحياة", "Life Makers"),
    ("الإحسان", "Al-Ihsan"), ("يد بيد", "Hand in Hand"),
]

STREETS = ["الجمهورية", "التحرير", "سعد زغلول", "النيل", "الجلاء", "٢٣ يوليو", "الثورة",
           "المحطة", "المدارس", "البحر"]


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
            "kind": OrganizationKind.GENERAL_UNION, "governorate_id": "01",
            "name_ar": "الاتحاد العام للجمعيات والمؤسسات الأهلية",
            "name_en": "General Union of NGOs", "founded_on": datetime.date(2002, 6, 1),
            "address": "١ شارع رمسيس، القاهرة",
        },
    )
    for governorate in Governorate.objects.all():
        towns = TOWNS[governorate.code]
        federation, _ = Organization.objects.get_or_create(
            registration_number=f"{governorate.code}-0001",
            defaults={
                "kind": OrganizationKind.REGIONAL_FEDERATION, "governorate": governorate,
                "name_ar": f"الاتحاد الإقليمي للجمعيات والمؤسسات الأهلية ب{governorate.name_ar}",
                "name_en": f"Regional Federation of NGOs in {governorate.name_en}",
                "founded_on": datetime.date(2003, 1, 15), "federation": general_union,
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
                [OrganizationStatus.ACTIVE, OrganizationStatus.SUSPENDED,
                 OrganizationStatus.DISSOLVED], weights=[90, 6, 4])[0]
            organization, created = Organization.objects.get_or_create(
                registration_number=f"{governorate.code}-{n:04d}",
                defaults={
                    "kind": OrganizationKind.FOUNDATION if is_foundation
                    else OrganizationKind.ASSOCIATION,
                    "governorate": governorate, "name_ar": full_ar, "name_en": full_en,
                    "founded_on": datetime.date(rng.randint(1975, 2025), rng.randint(1, 12),
                                                rng.randint(1, 28)),
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
