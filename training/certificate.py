"""The training certificate, drawn with the piece the licences use (core.certificates)."""

from core.certificates import GREEN
from core.certificates import Certificate as Page
from training.models import Certificate, Sex


def render(certificate: Certificate, verify_url: str) -> bytes:
    enrolment = certificate.enrolment
    course, trainee = enrolment.cohort.course, enrolment.trainee
    page = Page("Sanad training certificate")
    page.colour(GREEN)
    page.arabic("جمهورية مصر العربية، وزارة التضامن الاجتماعي", 14)
    page.arabic("شهادة إتمام تدريب", 26, bold=True, height=16)
    page.latin("Certificate of completion", 18, bold=True, height=10)
    page.colour()
    page.gap(8)
    page.arabic("تشهد الوزارة بأن", 14, height=9)
    page.arabic(trainee.name, 22, bold=True, height=14)
    page.arabic("أتمت بنجاح دورة" if trainee.sex == Sex.FEMALE else "أتم بنجاح دورة", 14, height=9)
    page.arabic(course.title_ar, 18, bold=True, height=12)
    page.latin(course.title_en, 13)
    page.gap(4)
    page.arabic(f"عدد الساعات: {course.hours}", 13, height=9)
    page.latin(f"{course.hours} hours  ·  issued {certificate.issued_on.isoformat()}", 11)
    page.gap(4)
    page.arabic("رمز الشهادة", 12, height=8)
    page.latin(certificate.code, 18, bold=True, height=10)
    page.verification(verify_url)
    return page.output()
