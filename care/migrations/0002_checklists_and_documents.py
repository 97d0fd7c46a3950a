"""The checklists and required documents the ministry starts from (it edits them after)."""

from django.db import migrations

AREAS_BY_KIND = {
    "nursery": [
        ("safety", "مخارج الطوارئ مفتوحة وطفايات الحريق صالحة", "Emergency exits open, extinguishers working"),
        ("safety", "لا أسلاك كهرباء مكشوفة ولا مواد خطرة في متناول الأطفال", "No bare wires or hazards within children's reach"),
        ("hygiene", "المطبخ ودورات المياه نظيفة والطعام محفوظ جيدًا", "Kitchen and toilets clean, food stored safely"),
        ("staff_ratios", "مشرفة لكل ٨ أطفال على الأقل", "At least one carer for every 8 children"),
        ("records", "سجلات الأطفال والحضور والتطعيمات محدثة", "Children's, attendance and vaccination records up to date"),
        ("protection", "لا عقاب بدني، وسياسة حماية الطفل معلنة ومطبقة", "No physical punishment; a child protection policy posted and applied"),
    ],
    "children_home": [
        ("safety", "المبنى آمن ومخارج الطوارئ مفتوحة", "Building safe, emergency exits open"),
        ("hygiene", "الغرف والمطبخ ودورات المياه نظيفة", "Rooms, kitchen and toilets clean"),
        ("staff_ratios", "مشرف ليلي لكل ١٠ أطفال", "A night carer for every 10 children"),
        ("records", "ملف لكل طفل فيه تعليمه وصحته", "A file for each child with schooling and health"),
        ("protection", "آلية شكوى آمنة للأطفال ولا عقاب بدني", "A safe way for children to complain; no physical punishment"),
    ],
    "elderly_home": [
        ("safety", "أرضيات غير زلقة ومقابض في الممرات ودورات المياه", "Non-slip floors, grab bars in corridors and toilets"),
        ("hygiene", "نظافة المقيمين والأسرة والمطبخ", "Residents, beds and kitchen kept clean"),
        ("staff_ratios", "تمريض متاح ليلًا ونهارًا", "Nursing available day and night"),
        ("records", "سجل الأدوية لكل مقيم محدث", "Each resident's medication record up to date"),
        ("protection", "لا تقييد ولا إهانة، وزيارات الأسر مسموحة", "No restraint or humiliation; family visits allowed"),
    ],
    "disability_centre": [
        ("safety", "المبنى ميسّر للكراسي المتحركة ومخارجه آمنة", "Building accessible to wheelchairs, exits safe"),
        ("hygiene", "أماكن الرعاية الشخصية نظيفة وتحفظ الخصوصية", "Personal care areas clean and private"),
        ("staff_ratios", "أخصائيون مؤهلون بعدد كاف", "Enough qualified specialists"),
        ("records", "خطة تأهيل فردية لكل مستفيد", "An individual rehabilitation plan for each person"),
        ("protection", "لا تقييد ولا عقاب، وآلية شكوى للأسر", "No restraint or punishment; a way for families to complain"),
    ],
}
DOCUMENTS = [
    ("عقد ملكية أو إيجار المقر", "Deed or lease of the premises"),
    ("شهادة الحماية المدنية", "Civil protection certificate"),
    ("الرسم الهندسي للمقر", "Floor plan of the premises"),
    ("بيانات العاملين ومؤهلاتهم", "Staff list with qualifications"),
    ("صحيفة الحالة الجنائية للمدير", "The manager's criminal record certificate"),
]


def load(apps, schema_editor):
    ChecklistItem = apps.get_model("care", "ChecklistItem")
    DocumentRequirement = apps.get_model("care", "DocumentRequirement")
    for kind, items in AREAS_BY_KIND.items():
        for position, (area, text_ar, text_en) in enumerate(items):
            ChecklistItem.objects.get_or_create(
                kind=kind, text_en=text_en,
                defaults={"area": area, "text_ar": text_ar, "position": position},
            )
        for position, (name_ar, name_en) in enumerate(DOCUMENTS):
            DocumentRequirement.objects.get_or_create(
                kind=kind, name_en=name_en, defaults={"name_ar": name_ar, "position": position}
            )


class Migration(migrations.Migration):
    dependencies = [("care", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
