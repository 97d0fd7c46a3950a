"""Fields of activity that Law 149/2019 lets associations and foundations work in.

Shipped as data (a migration loads them); the ministry can add more in the admin.
"""

FIELDS_OF_ACTIVITY: tuple[tuple[str, str, str], ...] = (
    ("social_aid", "المساعدات الاجتماعية", "Social aid"),
    ("orphans", "رعاية الأيتام", "Orphan care"),
    ("elderly", "رعاية المسنين", "Elderly care"),
    ("disability", "رعاية الأشخاص ذوي الإعاقة", "Disability services"),
    ("childhood", "رعاية الطفولة والأمومة", "Childhood and motherhood"),
    ("women", "تنمية المرأة", "Women's development"),
    ("health", "الخدمات الصحية", "Health services"),
    ("education", "التعليم ومحو الأمية", "Education and literacy"),
    ("community_development", "تنمية المجتمع المحلي", "Community development"),
    ("microfinance", "المشروعات الصغيرة ومتناهية الصغر", "Small and micro enterprises"),
    ("environment", "حماية البيئة", "Environmental protection"),
    ("culture", "الأنشطة الثقافية والعلمية", "Cultural and scientific activities"),
    ("youth_sports", "رعاية الشباب والرياضة", "Youth and sports"),
    ("human_rights", "حقوق الإنسان والتوعية القانونية", "Human rights and legal awareness"),
    ("digital", "التحول الرقمي والتكنولوجيا", "Digital transformation and technology"),
    ("relief", "الإغاثة والطوارئ", "Relief and emergencies"),
    ("housing", "الإسكان والمرافق", "Housing and utilities"),
    ("social_defence", "الدفاع الاجتماعي", "Social defence"),
)
