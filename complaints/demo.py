"""Demo cases in every state, filed and worked through the real actions (so audited)."""

import random
from datetime import timedelta

from django.db.models import F

from accounts.models import Role, User
from complaints import actions, service_levels
from complaints.models import Case, Category, Channel, Status
from complaints.sla import working_time_between
from core.models import Governorate

TEXTS = {
    "cash_support": [
        "لم يتم صرف معاش تكافل وكرامة لوالدتي منذ ثلاثة أشهر رغم أن البطاقة سليمة.",
        "اتوقف الدعم فجأة من شهر ومحدش في الوحدة الاجتماعية عارف السبب.",
    ],
    "disability_services": [
        "تقدمت للحصول على بطاقة الخدمات المتكاملة لابني منذ ستة أشهر ولم يصدر شيء.",
        "الكشف الطبي لبطاقة الإعاقة اتأجل تلات مرات.",
    ],
    "elderly_care": [
        "دار المسنين في منطقتنا لا توفر رعاية طبية ليلية والمقيمون كبار في السن.",
        "والدي في دار رعاية والأكل قليل والنظافة سيئة.",
    ],
    "child_care": [
        "نلاحظ أطفالًا من دار الأيتام المجاورة يعملون في الشارع ليلًا.",
        "دار رعاية الأطفال لا تسمح للأقارب بالزيارة دون سبب.",
    ],
    "nurseries": [
        "الحضانة في شارعنا غير مرخصة وعدد الأطفال كبير جدًا في غرفة واحدة.",
        "الحضانة رفعت المصاريف في منتصف السنة بدون إخطار.",
    ],
    "ngo_affairs": [
        "الجمعية الأهلية في قريتنا تجمع تبرعات ولا تعلن عن أوجه صرفها.",
        "طلب تعديل مجلس إدارة الجمعية متوقف في المديرية منذ شهرين.",
    ],
    "civil_society_fund": ["قدمنا مشروعًا لصندوق دعم المجتمع المدني ولم نتلق أي رد عن نتيجة الفحص."],
    "staff_conduct": [
        "الموظف في الوحدة الاجتماعية يرفض استلام الأوراق ويعامل المواطنين بشكل سيئ.",
        "الوحدة الاجتماعية مقفولة في مواعيد العمل الرسمية أكثر من مرة.",
    ],
    "digital_services": [
        "موقع الوزارة لا يقبل الرقم القومي عند التسجيل ويظهر خطأ.",
        "الدفع الإلكتروني لرسوم الترخيص فشل وتم خصم المبلغ من الحساب.",
    ],
    "training": ["سجلت في دورة محو الأمية الرقمية ولم يتصل بي أحد لتحديد الموعد."],
    "emergency_aid": [
        "أسرة في منطقتنا انهار منزلها وتقيم في الشارع مع ثلاثة أطفال.",
        "حريق في منزل جارتنا الأرملة وتحتاج مساعدة عاجلة.",
    ],
    "outside_mandate": ["انقطاع المياه عن الشارع منذ أسبوع ولا أحد يستجيب."],
}
NAMES = ["منى عبد الرحمن", "أحمد محمود", "فاطمة السيد", "محمد إبراهيم", "سعاد حسن", "كريم عادل"]


def seed_cases(count: int = 80, seed: int = 314) -> int:
    """Create ``count`` demo cases unless some exist; returns how many cases there are."""
    if Case.objects.exists():
        return Case.objects.count()
    rng = random.Random(seed)
    categories = {c.code: c for c in Category.objects.all()}
    governorates = list(Governorate.objects.all())
    officers = {u.governorate_id: u for u in User.objects.filter(role=Role.DIRECTORATE_OFFICER)}
    central = User.objects.filter(role=Role.CENTRAL_OFFICER).first()
    for n in range(count):
        code = rng.choice(list(TEXTS))
        governorate = rng.choice(governorates[:6]) if n % 3 else rng.choice(governorates)
        anonymous = rng.random() < 0.2
        data = actions.CaseInput(
            category=categories[code],
            description=rng.choice(TEXTS[code]),
            governorate=governorate,
            kind=rng.choice(["complaint"] * 4 + ["request", "inquiry"]),
            urgency="critical"
            if code in ("emergency_aid", "child_care")
            else rng.choice(["normal", "normal", "high"]),
            complainant_name="" if anonymous else rng.choice(NAMES),
            national_id=""
            if anonymous
            else f"2{rng.randint(60, 99)}0{rng.randint(1, 9)}1501{rng.randint(10000, 99999)}",
            phone="" if anonymous else f"+2010{rng.randint(10**7, 10**8 - 1)}",
            contact_channel="none" if anonymous else "sms",
            protect_identity=code == "staff_conduct",
            preferred_language="en" if n % 9 == 0 else "ar",
        )
        case = actions.submit_case(data, channel=rng.choice(list(Channel))).case
        worker = officers.get(governorate.code) or central
        if worker is None:
            continue
        _advance(case, worker, step=n % 6)
        _spread_over_past_months(case, rng)
    return Case.objects.count()


def _spread_over_past_months(case: Case, rng: random.Random) -> None:
    """Move a case back in time, so the statistics and the clocks have a history to show."""
    offset = timedelta(days=rng.randint(0, 170), hours=rng.randint(0, 6))
    case.refresh_from_db()
    updates = {
        name: getattr(case, name) - offset
        for name in (
            "received_at",
            "first_response_due",
            "resolution_due",
            "first_response_at",
            "answered_at",
            "closed_at",
        )
        if getattr(case, name)
    }
    if case.answered_at:
        # Answered some working days after receipt, as real cases are.
        answered = updates["received_at"] + timedelta(
            days=rng.randint(1, 20), hours=rng.randint(0, 5)
        )
        updates["answered_at"] = answered
        spent = working_time_between(updates["received_at"], answered, service_levels.holidays())
        updates["answer_working_hours"] = round(spent.total_seconds() / 3600)
        updates["answered_on_time"] = answered <= updates["resolution_due"]
    Case.objects.filter(pk=case.pk).update(**updates)
    case.timeline.update(at=F("at") - offset)


def _advance(case: Case, worker: User, step: int) -> None:
    """Walk a case some way along the workflow, as staff would."""
    if step == 0:
        return
    actions.assign(case, by=worker, assignee=worker, reason="ضمن اختصاص المديرية")
    if step >= 2:
        actions.change_status(case, Status.IN_PROGRESS, by=worker, reason="بدء الفحص")
        actions.add_note(case, "تم التواصل مع الوحدة الاجتماعية المختصة.", by=worker)
    if step == 3:
        actions.change_status(
            case,
            Status.WAITING_FOR_CITIZEN,
            by=worker,
            visibility="public",
            reason="نرجو إرسال صورة بطاقة الرقم القومي.",
        )
    if step >= 4:
        actions.reply(
            case, "تم فحص الشكوى واتخاذ اللازم، وسيتم التواصل معكم.", by=worker, final=True
        )
    if step == 5:
        actions.close(case, by=worker, reason="تم الرد النهائي")
