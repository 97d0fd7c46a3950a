from django.db import migrations

TEMPLATES = [
    (None, "استلام وبدء الفحص", "Received and being looked into",
     "تلقينا حالتك وبدأ الموظف المختص في فحصها. سنبلغك بما يتم.",
     "We have received your case and the officer in charge is looking into it. "
     "We will tell you what happens."),
    (None, "طلب مستندات", "Documents needed",
     "لاستكمال فحص حالتك نرجو إرسال صورة بطاقة الرقم القومي وأي مستند متعلق بالشكوى.",
     "To finish looking into your case, please send a copy of your national ID card and "
     "any document about the complaint."),
    ("cash_support", "صرف المستحقات", "Payment made",
     "تم صرف المستحقات المتأخرة، ويمكنك استلامها من مكتب البريد أو بطاقة ميزة.",
     "The overdue payments have been made; you can collect them at the post office or "
     "with your Meeza card."),
    ("outside_mandate", "خارج الاختصاص", "Outside our mandate",
     "موضوع حالتك من اختصاص جهة أخرى، وقد أُحيلت إلى منظومة الشكاوى الحكومية الموحدة.",
     "Your case belongs to another body; it has been sent back to the national complaints "
     "platform."),
]


def load(apps, schema_editor):
    ReplyTemplate = apps.get_model("complaints", "ReplyTemplate")
    Category = apps.get_model("complaints", "Category")
    for code, title_ar, title_en, body_ar, body_en in TEMPLATES:
        category = Category.objects.get(code=code) if code else None
        ReplyTemplate.objects.get_or_create(
            title_en=title_en,
            defaults={"category": category, "title_ar": title_ar, "body_ar": body_ar,
                      "body_en": body_en},
        )


class Migration(migrations.Migration):
    dependencies = [("complaints", "0005_reply_templates")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
